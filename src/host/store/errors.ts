// A database that cannot be reached or answers with an error: the host tells clients to retry
// (503 with Retry-After) instead of failing with a 500, and keeps running; the engines reconnect
// on the next request.

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(
    readonly engine: 'sqlite' | 'postgres',
    /** The driver's error code, such as ECONNREFUSED, 57P01 or SQLITE_BUSY. */
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`the ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database is unavailable${code ? ` (${code})` : ''}`, { cause });
  }
}

/** Wraps whatever the driver threw as a DatabaseUnavailableError (an error of ours passes through). */
export function databaseError(engine: 'sqlite' | 'postgres', error: unknown, ours: (error: unknown) => boolean): unknown {
  if (ours(error) || error instanceof DatabaseUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  return new DatabaseUnavailableError(engine, typeof code === 'string' ? code : undefined, error);
}
