// `creditkit check-host` against a host that is not there: one line with the cause, not one
// "fetch failed" per check.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { checkHost, HostUnreachableError } from '../../src/cli/commands/check-host.js';
import { runCli } from './run-cli.js';

/** A loopback port that was free a moment ago, so nothing listens on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('creditkit check-host against a closed port', () => {
  it('says "connection refused at <baseUrl>" once and exits 1', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/api`;
    const r = await runCli('check-host', base, '--token', 'user-token-1');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `check-host: connection refused at ${base}\n`);
    assert.equal(r.stdout, '');
  });

  it('--json reports the cause as one error with no check results', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/api`;
    const r = await runCli('check-host', base, '--token', 'user-token-1', '--json');
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout), { baseUrl: base, ok: false, error: `connection refused at ${base}`, results: [] });
  });

  it('checkHost stops at the first request that cannot connect (one attempt, not one per check)', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/api`;
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    await assert.rejects(checkHost(base, 'user-token-1', { fetch: counting }), (error: Error) => {
      assert.ok(error instanceof HostUnreachableError);
      assert.equal(error.message, `connection refused at ${base}`);
      return true;
    });
    assert.equal(requests, 1);
  });
});
