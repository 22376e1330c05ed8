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
});
