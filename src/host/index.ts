// `creditkit/host` (Node only): the reference host, a server for the creditkit host API contract
// that a platform runs as its credit ledger, on SQLite or PostgreSQL. `creditkit host` starts it
// from the command line.
export { startHost, isLoopback, DEFAULT_CATALOGS, type HostOptions, type RunningHost } from './server.js';
export { HostError } from './problems.js';
export { DatabaseUnavailableError } from './store/errors.js';
export type { Ledger, LoadedCatalog } from './ledger.js';
export type { Principal } from './rules.js';
export type { SeedOptions } from './seed.js';
export type { Store } from './store/types.js';
