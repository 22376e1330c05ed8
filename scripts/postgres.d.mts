// Types of scripts/postgres.mjs (a throwaway PostgreSQL cluster for tests and benchmarks).
export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string;
  dir: string;
  data: string;
  bin: string;
  port: number;
  /** Stops the server and removes its directory. */
  stop(): void;
  /** Restarts the server; `immediate` is a crash (recovery from the WAL on start). */
  restart(mode?: 'fast' | 'immediate' | 'smart'): Promise<void>;
  /** Runs pg_ctl on the cluster's data directory with these arguments. */
  pgCtl(...args: string[]): { status: number | null; stdout: string; stderr: string };
}
export function findPostgresBin(): string | undefined;
export function startCluster(options?: { port?: number }): Promise<Cluster>;
export function restartCluster(dir: string, mode?: 'fast' | 'immediate' | 'smart'): Promise<void>;
export function stopCluster(dir: string): void;
