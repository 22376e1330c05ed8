// Scoped end-user tokens on the reference host, on each engine: POST /tokens issues them (the
// platform with its API key, or an organisation's administrator), and every route enforces them:
// a read token cannot post, a user token sees only its own usage, a department token only its
// department's, an admin token only for an administrator; a forged or expired one is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TokenIssuer, keyFromText } from '../../src/host/tokens.js';
import { ENGINES, NOON_ISH, startTestHost, type TestHost } from './harness.js';

const API_KEY = 'platform-secret-key-0123456789abcdef0123';
const TOKEN_KEY = Buffer.alloc(32, 7).toString('base64');
// gpt-image-1: 30 credits a request on the meinGPT list (see host.node.test.ts).
const image = (chatId: string) => ({ chatId, records: [{ service: 'openai/gpt-image-1', requests: 1 }] });

type Reply = { status: number; json: Record<string, unknown> };
async function send(host: TestHost, method: 'GET' | 'POST', path: string, bearer: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${host.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The claims inside a token (its middle part). */
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

for (const engine of ENGINES) {
  describe(`scoped end-user tokens [${engine}]`, () => {
    let host: TestHost;
    let keyIndex = 0;
    const issue = async (request: Record<string, unknown>, bearer = API_KEY) => send(host, 'POST', '/tokens', bearer, request);
    const token = async (request: Record<string, unknown>) => {
      const reply = await issue(request);
      assert.equal(reply.status, 201, JSON.stringify(reply.json));
      return reply.json.token as string;
    };
    const post = (bearer: string, chatId: string) => send(host, 'POST', '/usage-events', bearer, image(chatId), { 'idempotency-key': `tokens-${engine}-${keyIndex++}` });
    const today = new Date(NOON_ISH).toISOString().slice(0, 10);
    const usage = (bearer: string) => send(host, 'GET', `/usage?from=${today}&to=${today}&groupBy=user`, bearer);

    before(async () => {
      host = await startTestHost({ engine, apiKey: API_KEY, tokenKey: TOKEN_KEY, demoTokens: false });
      await host.configure("UPDATE users SET daily_limit = NULL, monthly_limit = NULL WHERE org_id = 'org-nordlicht'");
      await host.server.ledger.topUp('org-nordlicht', '1000');
    });
    after(() => host.close());

    it('the platform issues a 15-minute read token for a user: sub, scope, level and exp signed in it', async () => {
      const reply = await issue({ userId: 'u-ben' });
      assert.equal(reply.status, 201);
      const exp = Math.floor(NOON_ISH / 1000) + 900;
      assert.deepEqual({ ...reply.json, token: undefined }, { token: undefined, expiresAt: new Date(exp * 1000).toISOString(), userId: 'u-ben', organisation: 'org-nordlicht', level: 'user', scope: 'read', departmentId: null });
      assert.deepEqual(claimsOf(reply.json.token as string), { sub: 'u-ben', org: 'org-nordlicht', exp, scope: 'read', level: 'user' });
    });

    it('a read token reads but cannot post usage, grants or transfers: 403, and nothing is charged', async () => {
      const read = await token({ userId: 'u-anna', level: 'admin', scope: 'read' });
      assert.equal((await send(host, 'GET', '/balance', read)).status, 200);
      assert.equal((await send(host, 'GET', '/statements', read)).status, 200);
      const before = (await send(host, 'GET', '/balance', read)).json.credits;
      const refused = [await post(read, 'read-only'), await send(host, 'POST', '/grants', read, { kind: 'promotional', credits: '5' }), await send(host, 'POST', '/transfers', read, { to: 'd-sales', credits: '1', reason: 'x' })];
      assert.deepEqual(refused.map((r) => [r.status, r.json.type]), Array(3).fill([403, 'https://creditkit.dev/problems/read-only-token']));
      assert.equal((await send(host, 'GET', '/balance', read)).json.credits, before);
      assert.equal((await host.server.store.ledger('org-nordlicht')).length, 1, 'only the top-up is in the ledger');
    });

    it('a user token sees only its own usage; a department token its department\'s usage and chats, not the others\'', async () => {
      // Ben (Engineering) charges 30, Clara and David (Marketing) 30 each: 90 in all.
      await post(await token({ userId: 'u-ben', scope: 'write' }), 'ben-1');
      await post(await token({ userId: 'u-clara', scope: 'write' }), 'clara-1');
      await post(await token({ userId: 'u-david', scope: 'write' }), 'david-1');
      const ben = await usage(await token({ userId: 'u-ben' }));
      assert.equal(ben.json.scope, 'user');
      assert.deepEqual((ben.json.total as { credits: string }).credits, '30');
      const marketing = await usage(await token({ userId: 'u-clara', level: 'department' }));
      assert.equal(marketing.json.scope, 'department');
      assert.deepEqual((marketing.json.groups as { key: string; credits: string }[]).map((g) => [g.key, g.credits]), [['u-clara', '30'], ['u-david', '30']]);
      const admin = await usage(await token({ userId: 'u-anna', level: 'admin' }));
      assert.equal((admin.json.total as { credits: string }).credits, '90');
      // A department token reads a chat of its department, and nothing of another's.
      const dept = await token({ userId: 'u-clara', level: 'department' });
      assert.equal(((await send(host, 'GET', '/chats/david-1', dept)).json.charge as { credits: string }).credits, '30');
      assert.equal(((await send(host, 'GET', '/chats/ben-1', dept)).json.records as unknown[]).length, 0);
      // …and lists its department's chats (Clara's and David's), not Ben's of Engineering.
      const listed = await send(host, 'GET', '/chats', dept);
      assert.equal(listed.status, 200);
      assert.equal(listed.json.scope, 'department');
      assert.deepEqual((listed.json.chats as { chatId: string; credits: string }[]).map((c) => [c.chatId, c.credits]).sort(), [['clara-1', '30'], ['david-1', '30']]);
      assert.equal(((await send(host, 'GET', '/chats', await token({ userId: 'u-anna', level: 'admin' }))).json.chats as unknown[]).length, 3);
      assert.equal((await send(host, 'GET', '/statements', dept)).status, 403, 'statements are the administrator\'s');
    });

    it('never more than the user may: no admin token for a member, a member\'s department token only for their own department', async () => {
      const member = await issue({ userId: 'u-ben', level: 'admin' });
      assert.equal(member.status, 422);
      assert.deepEqual(member.json.issues, [{ path: 'level', message: 'An admin token is only for an administrator' }]);
      assert.equal((await issue({ userId: 'u-ben', level: 'department', departmentId: 'd-sales' })).status, 422);
      assert.equal((await issue({ userId: 'u-anna', level: 'department', departmentId: 'd-sales' })).status, 201, 'an administrator may read any department');
      assert.equal((await issue({ userId: 'u-anna', level: 'department', departmentId: 'd-nowhere' })).status, 422);
      assert.equal((await issue({ userId: 'u-ben', departmentId: 'd-engineering' })).status, 422, 'departmentId only with level department');
      assert.equal((await issue({ userId: 'u-ben', expiresIn: 30 })).status, 422);
      assert.equal((await issue({ userId: 'u-nobody' })).status, 404);
      // A forged claim, signed with the right key: an admin token for a member is refused at use.
      const forged = new TokenIssuer(keyFromText(TOKEN_KEY)).issue({ sub: 'u-ben', org: 'org-nordlicht', exp: Math.floor(NOON_ISH / 1000) + 60, scope: 'write', level: 'admin' });
      assert.equal((await send(host, 'GET', '/statements', forged)).status, 401);
    });

    it('an administrator issues tokens for their own organisation only; members, department tokens and wrong keys cannot', async () => {
      const anna = await host.server.tokenFor('u-anna');
      assert.equal((await issue({ userId: 'u-ben', scope: 'write' }, anna)).status, 201);
      assert.equal((await issue({ userId: 'u-gina' }, anna)).status, 404, 'another organisation\'s user is unknown to her');
      assert.equal((await issue({ userId: 'u-ben' }, await host.server.tokenFor('u-ben'))).status, 403);
      assert.equal((await issue({ userId: 'u-ben' }, await token({ userId: 'u-anna', level: 'department', scope: 'write' }))).status, 403);
      assert.equal((await issue({ userId: 'u-gina' })).status, 201, 'the platform issues for any organisation');
      assert.equal((await issue({ userId: 'u-ben' }, `${API_KEY}x`)).status, 401);
    });

    it('a token expires at its exp: 401 after, as before any token', async () => {
      const short = await token({ userId: 'u-ben', expiresIn: 60 });
      assert.equal((await send(host, 'GET', '/balance', short)).status, 200);
      host.clock.now += 61_000;
      try {
        const expired = await send(host, 'GET', '/balance', short);
        assert.equal(expired.status, 401);
        assert.equal(expired.json.type, 'https://creditkit.dev/problems/unauthorized');
      } finally {
        host.clock.now -= 61_000;
      }
    });

    it('the demo token endpoint is off (404) while scoped tokens are issued', async () => {
      const demo = await fetch(`${host.server.url}/demo/token`, { method: 'POST' });
      assert.equal(demo.status, 404);
      assert.equal((await issue({ userId: 'u-ben' })).status, 201);
    });
  });
}

describe('scoped tokens without an API key', () => {
  it('only an administrator\'s token may issue them; the host refuses a short API key', async () => {
    const host = await startTestHost({});
    try {
      const asPlatform = await send(host, 'POST', '/tokens', API_KEY, { userId: 'u-ben' });
      assert.equal(asPlatform.status, 401);
      assert.equal((await send(host, 'POST', '/tokens', await host.server.tokenFor('u-anna'), { userId: 'u-ben' })).status, 201);
    } finally {
      await host.close();
    }
    await assert.rejects(startTestHost({ apiKey: 'short' }), /API key must be at least 32 characters/);
  });
});
