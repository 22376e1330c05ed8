// refreshingToken: the getToken a browser passes to createClient for scoped end-user tokens. One
// request for callers at the same time, the token kept until a minute before it expires, a new
// one after the host's 401 (forceRefresh), and a failure not kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refreshingToken } from '../../src/sdk/token.js';

const signal = new AbortController().signal;

describe('refreshingToken', () => {
  it('asks once for callers at the same time and keeps the token until a minute before it expires', async () => {
    const clock = { now: Date.parse('2026-12-07T12:00:00Z') };
    let asked = 0;
    const getToken = refreshingToken(async () => ({ token: `ckd.t${++asked}.s`, expiresAt: new Date(clock.now + 15 * 60_000).toISOString() }), { now: () => clock.now });
    const first = await Promise.all([getToken({ forceRefresh: false, signal }), getToken({ forceRefresh: false, signal })]);
    assert.deepEqual(first, ['ckd.t1.s', 'ckd.t1.s']);
    clock.now += 14 * 60_000; // 60 s left: within the minute before expiry, so a new one
    assert.equal(await getToken({ forceRefresh: false, signal }), 'ckd.t2.s');
    clock.now += 13 * 60_000; // 2 minutes left of t2
    assert.equal(await getToken({ forceRefresh: false, signal }), 'ckd.t2.s');
    assert.equal(await getToken({ forceRefresh: true, signal }), 'ckd.t3.s', 'after a 401, a new one');
    assert.equal(asked, 3);
  });

  it('does not keep a failure, and refuses a secret key or a missing expiry', async () => {
    let fail = true;
    const getToken = refreshingToken(async () => {
      if (fail) throw new Error('backend down');
      return { token: 'ckd.ok.s', expiresAt: Date.now() + 600_000 };
    });
    await assert.rejects(getToken({ forceRefresh: false, signal }), /backend down/);
    fail = false;
    assert.equal(await getToken({ forceRefresh: false, signal }), 'ckd.ok.s');
    await assert.rejects(refreshingToken(async () => ({ token: 'sk_live_123', expiresAt: Date.now() + 600_000 }))({ forceRefresh: false, signal }), /secret API key/);
    await assert.rejects(refreshingToken(async () => ({ token: 'ckd.x.s', expiresAt: 'soon' }))({ forceRefresh: false, signal }), /no valid expiresAt/);
  });

  it('lets one caller stop waiting without failing the others; the request is aborted only when every caller has', async () => {
    let release!: (token: { token: string; expiresAt: number }) => void;
    const seen: AbortSignal[] = [];
    const getToken = refreshingToken((s) => {
      seen.push(s);
      return new Promise((resolve) => (release = resolve));
    });
    const leaving = new AbortController();
    const staying = new AbortController();
    const first = getToken({ forceRefresh: false, signal: leaving.signal });
    const second = getToken({ forceRefresh: false, signal: staying.signal });
    leaving.abort(new Error('element left the page'));
    await assert.rejects(first, /element left the page/);
    assert.equal(seen.length, 1, 'one shared request');
    assert.equal(seen[0]!.aborted, false, 'still wanted by the second caller');
    release({ token: 'ckd.shared.s', expiresAt: Date.now() + 600_000 });
    assert.equal(await second, 'ckd.shared.s');

    // Both callers give up: the request itself is aborted, and the next call asks again.
    const alone = refreshingToken((s) => {
      seen.push(s);
      return new Promise((_, reject) => s.addEventListener('abort', () => reject(s.reason)));
    });
    const a = new AbortController();
    const b = new AbortController();
    const calls = [alone({ forceRefresh: false, signal: a.signal }), alone({ forceRefresh: false, signal: b.signal })];
    a.abort(new Error('a gone'));
    assert.equal(seen[1]!.aborted, false);
    b.abort(new Error('b gone'));
    assert.equal(seen[1]!.aborted, true);
    await assert.rejects(calls[0]!, /a gone/);
    await assert.rejects(calls[1]!, /b gone/);
    await assert.rejects(alone({ forceRefresh: false, signal: AbortSignal.abort(new Error('already gone')) }), /already gone/);
  });
});
