// Opens the store a database setting names: a postgres:// URL is PostgreSQL, anything else a
// SQLite file (a `sqlite:` or `file:` prefix is allowed).
import type { EngineOptions, Store } from './types.js';

export type { Store, EngineOptions, Durability } from './types.js';
export { DatabaseUnavailableError } from './errors.js';

export const isPostgresUrl = (database: string): boolean => /^postgres(?:ql)?:\/\//i.test(database);

/** The database setting with any password replaced, for logs. */
export function describeDatabase(database: string): string {
  if (!isPostgresUrl(database)) return `SQLite ${database.replace(/^(?:sqlite|file):/i, '')}`;
  try {
    const url = new URL(database);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.href}`;
  } catch {
    return 'PostgreSQL (an unparsable URL)';
  }
}

export async function openStore(database: string, options: EngineOptions = {}): Promise<Store> {
  if (isPostgresUrl(database)) return (await import('./postgres.js')).openPostgres(database, options);
  return (await import('./sqlite.js')).openSqlite(database.replace(/^(?:sqlite|file):/i, ''), options);
}
