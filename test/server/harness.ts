// Starts a reference host on loopback in a fresh temporary data directory, with a clock the
// test moves, and gives an SDK client per user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost, type HostOptions } from '../../src/host/index.js';
import { createClient, type CreditClient } from '../../src/sdk/index.js';

export interface TestHost {
  server: RunningHost;
  dataDir: string;
  clock: { now: number };
  client(userId: string): CreditClient;
  close(): Promise<void>;
}

/** 2026-11-23 10:00 UTC, a Monday. */
export const NOON_ISH = Date.parse('2026-11-23T10:00:00Z');

export async function startTestHost(options: Partial<HostOptions> = {}): Promise<TestHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-host-'));
  const clock = { now: NOON_ISH };
  const server = await startHost({ port: 0, database: join(dataDir, 'host.sqlite'), seed: 'organisations', now: () => clock.now, ...options });
  return {
    server,
    dataDir,
    clock,
    client: (userId) =>
      createClient({
        baseUrl: server.url,
        getToken: () => server.tokenFor(userId),
        maxRetries: 0,
        // Correctness, not speed: a machine busy with other work must not fail a test by a timeout.
        timeout: 60_000,
        cacheTtl: 0,
        staleTtl: 0,
        now: () => clock.now,
      }),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
