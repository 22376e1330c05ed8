// The SDK against an injected fetch: one test per row of the resilience table, no real waits
// (sleep is injected; the timeouts are a few milliseconds).
import { expect } from '@open-wc/testing';
import {
  createClient,
  BadRequestError,
  ConnectionError,
  ContractError,
  ForbiddenError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  TokenError,
  UnauthorizedError,
  ApiError,
  type ClientEvent,
  type ClientOptions,
} from '../../src/sdk/index.js';
import { CreditError } from '../../src/core/errors.js';
import { BALANCE, FakeNetwork, fakeFetch, json, never, problem, recordingSleep, type Handler } from './fake-host.js';

const TOKEN = 'ckd.short-lived-demo-token';

function client(handlers: Handler[], options: Partial<ClientOptions> = {}) {
  const fake = fakeFetch(...handlers);
  const { sleep, waits } = recordingSleep();
  const events: ClientEvent[] = [];
  const c = createClient({
    baseUrl: 'https://host.example/api',
    getToken: () => TOKEN,
    fetch: fake.fetch,
    sleep,
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...options,
  });
  return { c, calls: fake.calls, waits, events };
}

async function rejects(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('SDK: timeouts cover headers and body', () => {
  it('a fetch that never resolves times out, retried up to maxRetries', async () => {
    const { c, calls, waits } = client([never], { timeout: 15, maxRetries: 2 });
    const error = await rejects(c.getBalance());
    expect(error).to.be.instanceOf(TimeoutError).and.instanceOf(CreditError);
    expect(calls).to.have.length(3);
    expect(waits).to.deep.equal([250, 500]); // full jitter at random 0.5: 0.5 × 500, 0.5 × 1000
    expect((error as TimeoutError).requestId).to.be.a('string').and.not.empty;
  });

  it('a body that trickles a byte at a time times out although the headers came at once', async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const trickle: Handler = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            timer = setInterval(() => controller.enqueue(new Uint8Array([0x20])), 2);
          },
          cancel() {
            clearInterval(timer);
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    const { c } = client([trickle], { timeout: 30, maxRetries: 0 });
    const error = await rejects(c.getBalance());
    clearInterval(timer);
    expect(error).to.be.instanceOf(TimeoutError);
  });
});

describe('SDK: retries', () => {
  it('429 with Retry-After: 2 waits 2 s (injected) and then succeeds', async () => {
    const { c, calls, waits } = client([() => problem(429, 'Too many requests', { 'retry-after': '2' }), () => json(BALANCE)]);
    expect((await c.getBalance()).credits).to.equal('7342.5');
    expect(calls).to.have.length(2);
    expect(waits).to.deep.equal([2000]);
  });

  it('429 with Retry-After as an HTTP date waits until that date', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const { c, waits } = client([() => problem(429, 'slow down', { 'retry-after': 'Mon, 23 Nov 2026 12:00:07 GMT' }), () => json(BALANCE)], { now: () => now });
    await c.getBalance();
    expect(waits).to.deep.equal([7000]);
  });

  // Issue 14.15: Date.parse read "1.5" and "-5" as dates long past, so the retry went out after 0 ms.
  for (const value of ['1.5', '-5', '+3', 'soon', '1e3', 'Mon, 31 Feb 2026 12:00:07 GMT', '2026-11-23T12:00:07Z']) {
    it(`429 with Retry-After: ${JSON.stringify(value)} (neither delay-seconds nor an HTTP-date) backs off as usual`, async () => {
      const now = Date.parse('2026-11-23T12:00:00Z');
      const { c, waits } = client([() => problem(429, 'slow down', { 'retry-after': value }), () => json(BALANCE)], { now: () => now });
      await c.getBalance();
      expect(waits).to.deep.equal([250]); // full jitter at random 0.5: 0.5 × 500
    });
  }

  it('reads the obsolete RFC 850 and asctime dates as UTC, as RFC 9110 asks of a recipient', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    for (const value of ['Monday, 23-Nov-26 12:00:07 GMT', 'Mon Nov 23 12:00:07 2026']) {
      const { c, waits } = client([() => problem(429, 'slow down', { 'retry-after': value }), () => json(BALANCE)], { now: () => now });
      await c.getBalance();
      expect(waits, value).to.deep.equal([7000]);
    }
  });

  it('an HTTP-date in the past retries at once', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const { c, waits } = client([() => problem(503, 'busy', { 'retry-after': 'Mon, 23 Nov 2026 11:59:00 GMT' }), () => json(BALANCE)], { now: () => now });
    await c.getBalance();
    expect(waits).to.deep.equal([0]);
  });

  it('retry-after-ms takes precedence over Retry-After', async () => {
    const { c, waits } = client([() => problem(503, 'busy', { 'retry-after-ms': '150', 'retry-after': '9' }), () => json(BALANCE)]);
    await c.getBalance();
    expect(waits).to.deep.equal([150]);
  });

  it('429 with Retry-After: 3600 (over the cap) fails at once with the wait on the error', async () => {
    const { c, calls, waits } = client([() => problem(429, 'quota', { 'retry-after': '3600' }), () => json(BALANCE)]);
    const error = await rejects(c.getBalance());
    expect(error).to.be.instanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).to.equal(3_600_000);
    expect(calls).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });

  it('500 then 200 succeeds after one backoff', async () => {
    const { c, calls, waits } = client([() => problem(500, 'oops'), () => json(BALANCE)]);
    expect((await c.getBalance()).remainingAllowance).to.equal('487.5');
    expect(calls).to.have.length(2);
    expect(waits).to.deep.equal([250]);
  });

  it('a 5xx on every attempt gives up after maxRetries with an InternalServerError', async () => {
    const { c, calls } = client([() => problem(502, 'bad gateway')], { maxRetries: 3 });
    const error = await rejects(c.getBalance());
    expect(error).to.be.instanceOf(InternalServerError).and.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(502);
    expect(calls).to.have.length(4);
  });

  it('a connection error (fetch rejects) is retried', async () => {
    const { c, calls } = client([() => Promise.reject(new TypeError('Failed to fetch')), () => json(BALANCE)]);
    await c.getBalance();
    expect(calls).to.have.length(2);
  });

  it('a connection error on every attempt ends in a ConnectionError', async () => {
    const { c } = client([() => Promise.reject(new TypeError('Failed to fetch'))]);
    const error = await rejects(c.getBalance());
    expect(error).to.be.instanceOf(ConnectionError);
    expect((error as ConnectionError).offline).to.equal(false);
  });

  for (const [status, Class] of [
    [400, BadRequestError],
    [403, ForbiddenError],
    [404, NotFoundError],
  ] as const) {
    it(`${status} is not retried and carries the problem and the host's request id`, async () => {
      const { c, calls } = client([() => problem(status, 'no'), () => json(BALANCE)]);
      const error = await rejects(c.getBalance());
      expect(error).to.be.instanceOf(Class);
      expect((error as ApiError).status).to.equal(status);
      expect((error as ApiError).problem?.title).to.equal('no');
      expect((error as ApiError).requestId).to.equal('host-req-1');
      expect(calls).to.have.length(1);
    });
  }

  it('422 is not retried', async () => {
    const { c, calls } = client([() => problem(422, 'bad usage')]);
    await rejects(c.getBalance());
    expect(calls).to.have.length(1);
  });
});

describe('SDK: tokens', () => {
  it('401 refreshes the token once and retries with the new one', async () => {
    const asked: boolean[] = [];
    const { c, calls } = client([() => problem(401, 'expired'), () => json(BALANCE)], {
      getToken: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'ckd.fresh' : 'ckd.stale';
      },
    });
    await c.getBalance();
    expect(asked).to.deep.equal([false, true]);
    expect(calls.map((call) => call.headers.get('authorization'))).to.deep.equal(['Bearer ckd.stale', 'Bearer ckd.fresh']);
  });

  it('a second 401 is an UnauthorizedError (one refresh only)', async () => {
    const { c, calls } = client([() => problem(401, 'expired')]);
    expect(await rejects(c.getBalance())).to.be.instanceOf(UnauthorizedError);
    expect(calls).to.have.length(2);
  });

  for (const secret of ['sk_live_51H8xYzAbCdEf', 'sk-proj-abc123', 'sk-ant-api03-xyz', 'rk_live_abc']) {
    it(`refuses a secret-looking token (${secret.slice(0, 6)}…) without sending anything or quoting it`, async () => {
      const { c, calls } = client([() => json(BALANCE)], { getToken: () => secret });
      const error = await rejects(c.getBalance());
      expect(error).to.be.instanceOf(TokenError).and.instanceOf(CreditError);
      expect(error.message).not.to.contain(secret);
      expect(calls).to.have.length(0);
    });
  }

  it('an empty token is refused', async () => {
    const { c } = client([() => json(BALANCE)], { getToken: async () => '' });
    expect(await rejects(c.getBalance())).to.be.instanceOf(TokenError);
  });

  it('the token travels only in the Authorization header: never in a URL, an event or an error', async () => {
    const { c, calls, events } = client([() => problem(500, 'x'), () => json(BALANCE), () => problem(404, 'gone')]);
    await c.getBalance();
    const error = await rejects(c.getChat('chat 1'));
    for (const call of calls) expect(call.url).not.to.contain(TOKEN);
    expect(JSON.stringify(events)).not.to.contain(TOKEN);
    expect(error.message + JSON.stringify(error)).not.to.contain(TOKEN);
    expect(calls[0]!.headers.get('authorization')).to.equal(`Bearer ${TOKEN}`);
    expect(calls[2]!.url).to.equal('https://host.example/api/chats/chat%201');
  });

  it('a base URL with credentials is refused', () => {
    expect(() => createClient({ baseUrl: 'https://user:pw@host.example/api', getToken: () => TOKEN, fetch: fakeFetch().fetch })).to.throw(CreditError, /credentials/);
  });
});

describe('SDK: every response is validated', () => {
  it('malformed JSON is a ContractError (invalid-json) with the request id', async () => {
    const { c } = client([() => new Response('{"credits": "1",', { headers: { 'content-type': 'application/json', 'x-request-id': 'r-42' } })]);
    const error = await rejects(c.getBalance());
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).reason).to.equal('invalid-json');
    expect((error as ContractError).requestId).to.equal('r-42');
  });

  it('an HTML page instead of JSON is a ContractError (not-json)', async () => {
    const { c, calls } = client([() => new Response('<!doctype html><title>Login</title>', { headers: { 'content-type': 'text/html' } })]);
    const error = await rejects(c.getBalance());
    expect((error as ContractError).reason).to.equal('not-json');
    expect(error.message).to.contain('HTML');
    expect(calls).to.have.length(1);
  });

  it('a body shorter than its Content-Length is a ContractError (truncated)', async () => {
    const full = JSON.stringify(BALANCE);
    const { c } = client([() => new Response(full.slice(0, 40), { headers: { 'content-type': 'application/json', 'content-length': String(full.length) } })]);
    const error = await rejects(c.getBalance());
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).reason).to.equal('truncated');
  });

  it('a body over the size cap is a ContractError (too-large)', async () => {
    const { c } = client([() => json({ ...BALANCE, padding: 'x'.repeat(5000) })], { maxResponseBytes: 1024 });
    expect(((await rejects(c.getBalance())) as ContractError).reason).to.equal('too-large');
  });

  it('contract drift (credits as a number, a missing field) is a ContractError naming the paths', async () => {
    const { limits: _dropped, ...rest } = BALANCE;
    const { c } = client([() => json({ ...rest, credits: 7342.5 })]);
    const error = (await rejects(c.getBalance())) as ContractError;
    expect(error).to.be.instanceOf(ContractError);
    expect(error.reason).to.equal('schema');
    expect(error.issues.map((i) => i.path)).to.include.members(['credits', 'limits']);
  });

  it('a catalog that does not parse is a ContractError', async () => {
    const { c } = client([() => json({ schemaVersion: 1, id: 'x' })]);
    expect(((await rejects(c.getCatalog())) as ContractError).reason).to.equal('schema');
  });

  it('an error status with an HTML body still becomes the right ApiError', async () => {
    const { c } = client([() => new Response('<h1>Forbidden</h1>', { status: 403, headers: { 'content-type': 'text/html' } })]);
    const error = (await rejects(c.getBalance())) as ForbiddenError;
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(error.problem).to.equal(undefined);
  });
});

describe('SDK: online and offline', () => {
  it('offline: fails at once without a request; online again: fetches', async () => {
    const network = new FakeNetwork();
    network.onLine = false;
    const { c, calls, events } = client([() => json(BALANCE)], { connectivity: network });
    const error = (await rejects(c.getBalance())) as ConnectionError;
    expect(error).to.be.instanceOf(ConnectionError);
    expect(error.offline).to.equal(true);
    expect(calls).to.have.length(0);
    network.set(true);
    expect((await c.getBalance()).credits).to.equal('7342.5');
    expect(calls).to.have.length(1);
    expect(events.map((e) => e.type)).to.include('online');
    c.dispose();
  });

  it('offline with a cached response serves it, however old; back online it fetches again', async () => {
    const network = new FakeNetwork();
    let now = 0;
    const { c, calls, events } = client([() => json(BALANCE), () => json({ ...BALANCE, credits: '7000', money: { amount: '70', currency: 'EUR' } })], {
      connectivity: network,
      now: () => now,
    });
    await c.getBalance();
    network.set(false);
    now = 10 * 60_000; // older than fresh + stale
    expect((await c.getBalance()).credits).to.equal('7342.5');
    expect(calls).to.have.length(1);
    network.set(true);
    expect((await c.getBalance()).credits).to.equal('7000'); // too old to serve stale: waits for the network
    expect(calls).to.have.length(2);
    expect(events.some((e) => e.type === 'cache' && e.state === 'offline')).to.equal(true);
    c.dispose();
  });
});

describe('SDK: aborts, sharing and caching', () => {
  it('a request aborted by its caller rejects with AbortError and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    const { c } = client([never]);
    const controller = new AbortController();
    const pending = c.getBalance({ signal: controller.signal });
    controller.abort();
    const error = await rejects(pending);
    expect(error.name).to.equal('AbortError');
    await new Promise((r) => setTimeout(r, 20));
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('aborting during a backoff wait stops the retries', async () => {
    const controller = new AbortController();
    const { c, calls } = client([() => problem(503, 'busy')], {
      sleep: (_ms, signal) => new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    });
    const pending = c.getBalance({ signal: controller.signal });
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    expect((await rejects(pending)).name).to.equal('AbortError');
    expect(calls).to.have.length(1);
  });

  it('concurrent identical GETs share one request; one caller aborting does not cancel the other', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { c, calls } = client([async () => (await gate, json(BALANCE))]);
    const controller = new AbortController();
    const first = c.getBalance({ signal: controller.signal });
    const second = c.getBalance();
    const third = c.getBalance();
    controller.abort();
    release();
    expect((await rejects(first)).name).to.equal('AbortError');
    expect((await second).credits).to.equal('7342.5');
    expect(await third).to.equal(await second);
    expect(calls).to.have.length(1);
  });

  it('a fresh response is served from the cache; a stale one at once while it revalidates', async () => {
    let now = 1_000;
    const { c, calls, events } = client([() => json(BALANCE), () => json({ ...BALANCE, credits: '1' })], { now: () => now, cacheTtl: 100, staleTtl: 1000 });
    await c.getBalance();
    now += 50;
    await c.getBalance();
    expect(calls).to.have.length(1);
    now += 100;
    expect((await c.getBalance()).credits).to.equal('7342.5');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).to.have.length(2);
    expect(events.some((e) => e.type === 'revalidated')).to.equal(true);
    expect((await c.getBalance()).credits).to.equal('1');
    now += 5000; // past the stale window: waits for the network
    await c.getBalance();
    expect(calls).to.have.length(3);
  });

  it("cache: 'no-cache' goes to the network", async () => {
    const { c, calls } = client([() => json(BALANCE)]);
    await c.getBalance();
    await c.getBalance({ cache: 'no-cache' });
    expect(calls).to.have.length(2);
  });

  it('the catalog is revalidated with its ETag; a 304 keeps the parsed catalog', async () => {
    const catalogJson = await (await fetch('/catalog/meingpt.json')).json();
    let now = 0;
    const { c, calls } = client([() => json(catalogJson, 200, { etag: '"v1"' }), () => new Response(null, { status: 304, headers: { etag: '"v1"' } })], {
      now: () => now,
    });
    const first = await c.getCatalog();
    expect(first.id).to.equal('meingpt');
    now = 10 * 60_000;
    const second = await c.getCatalog();
    expect(second).to.equal(first);
    expect(calls[1]!.headers.get('if-none-match')).to.equal('"v1"');
  });

  it('getUsage checks its query before sending and builds the URL', async () => {
    const { c, calls } = client([() => json({ from: '2026-11-01', to: '2026-11-23', groupBy: 'service', scope: 'user', groups: [], total: { credits: '0', events: 0 } })]);
    expect(() => c.getUsage({ from: '2026-11-23', to: '2026-11-01', groupBy: 'day' })).to.throw(CreditError, /after/);
    expect(() => c.getUsage({ from: '2026-11-01', to: '2026-11-23', groupBy: 'model' as 'day' })).to.throw(CreditError, /groupBy/);
    await c.getUsage({ from: new Date('2026-11-01T10:00:00Z'), to: '2026-11-23', groupBy: 'service' });
    expect(calls[0]!.url).to.equal('https://host.example/api/usage?from=2026-11-01&to=2026-11-23&groupBy=service');
  });

  it('recordUsage sends one Idempotency-Key on every retry and then reads the balance afresh', async () => {
    const receipt = {
      eventId: 'e1',
      chatId: 'c1',
      at: '2026-11-23T12:00:00.000Z',
      charge: { lines: [], credits: '2.6533', money: { amount: '0.026533', currency: 'EUR' }, catalogVersion: 'v', exact: true },
      balance: { credits: '7339.8467', paused: false },
    };
    const { c, calls } = client([() => json(BALANCE), () => problem(503, 'busy'), () => json(receipt, 201), () => json(BALANCE)]);
    await c.getBalance();
    await c.recordUsage({ chatId: 'c1', records: [{ service: 'openai/gpt-4o', inputTokens: 523 }] });
    const keys = calls.slice(1, 3).map((call) => call.headers.get('idempotency-key'));
    expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    await c.getBalance();
    expect(calls).to.have.length(4);
  });

  it('getRecentChats checks limit and cursor, validates the page, and is read afresh after recordUsage', async () => {
    const page = {
      scope: 'user',
      chats: [{ chatId: 'c1', user: { id: 'u-ben', name: 'Ben Weber' }, firstAt: '2026-11-23T11:00:00.000Z', lastAt: '2026-11-23T12:00:00.000Z', events: 2, credits: '2.6533' }],
      next: 'WyIyMDI2Il0',
    };
    const receipt = { eventId: 'e1', chatId: 'c9', at: '2026-11-23T12:00:00.000Z', charge: { lines: [], credits: '1', money: { amount: '0.01', currency: 'EUR' }, catalogVersion: 'v', exact: true }, balance: { credits: '1', paused: false } };
    const { c, calls } = client([() => json(page), () => json(page), () => json(receipt, 201), () => json(page), () => json({ ...page, chats: [{ ...page.chats[0], credits: 2.65 }] })]);
    expect(() => c.getRecentChats({ limit: 0 })).to.throw(CreditError, /limit/);
    expect(() => c.getRecentChats({ limit: 101 })).to.throw(CreditError, /limit/);
    expect(() => c.getRecentChats({ cursor: '' })).to.throw(CreditError, /cursor/);
    expect((await c.getRecentChats()).chats[0]!.credits).to.equal('2.6533');
    expect(calls[0]!.url).to.equal('https://host.example/api/chats?limit=20');
    await c.getRecentChats({ limit: 5, cursor: page.next });
    expect(calls[1]!.url).to.equal('https://host.example/api/chats?limit=5&cursor=WyIyMDI2Il0');
    await c.recordUsage({ chatId: 'c9', records: [{ service: 'meingpt/tool-call', requests: 2 }] });
    await c.getRecentChats();
    expect(calls).to.have.length(4); // the cached first page was dropped by recordUsage
    const drift = await rejects(c.getRecentChats({ limit: 7 }));
    expect(drift).to.be.instanceOf(ContractError);
    expect(drift.message).to.contain('chats[0].credits');
  });
});

describe('SDK: back online, a recent response is revalidated', () => {
  it('coming online marks fresh entries stale: served at once, then refreshed', async () => {
    const network = new FakeNetwork();
    let now = 0;
    const { c, calls } = client([() => json(BALANCE), () => json({ ...BALANCE, credits: '1' })], { connectivity: network, now: () => now });
    await c.getBalance();
    network.set(false);
    now = 1000; // still fresh
    network.set(true);
    expect((await c.getBalance()).credits).to.equal('7342.5');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).to.have.length(2);
    expect((await c.getBalance()).credits).to.equal('1');
    c.dispose();
  });
});
