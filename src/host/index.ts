// `creditkit/host` (Node only): the reference host, a server for the creditkit host API contract
// that a platform runs as its credit ledger. `creditkit host` starts it from the command line.
export { startHost, DEFAULT_CATALOGS, type HostOptions, type RunningHost } from './server.js';
export { HostError } from './problems.js';
export type { Principal } from './store.js';
export type { SeedOptions } from './seed.js';
