// Proof under load and faults: PostgreSQL (a throwaway cluster of its own, so that it can be
// stopped and crashed), three `creditkit host` processes behind a round-robin proxy on
// loopback. Concurrent posts with reused idempotency keys are charged once; a balance lands on
// exactly 0 and stays there; a process killed with SIGKILL and PostgreSQL crashed and restarted
// mid-load lose no acknowledged event and charge none twice. Each test prints its figures.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MIGRATIONS } from '../../src/host/store/migrations.js';
import pg from 'pg';
import { Decimal, toPlain } from '../../src/core/decimal.js';
import { findPostgresBin, startCluster, type Cluster } from '../../scripts/postgres.mjs';
import { roundRobinProxy, startHostProcess, type HostProcess, type Proxy } from './processes.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sum = (values: readonly string[]) => toPlain(values.reduce((a, v) => a.plus(v), new Decimal(0)));

interface Answer {
  status: number;
  json: Record<string, unknown> | undefined;
  retryAfter: string | null;
}

async function send(url: string, method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url + path, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, retryAfter: response.headers.get('retry-after') };
}

/** What a client saw while posting usage events through the proxy, retrying 502/503/connection errors with the same key. */
class Tally {
  acknowledged = new Map<string, { eventId: string; credits: string }>();
  statuses = new Map<number, number>();
  retries = 0;
  connectionErrors = 0;
  count(status: number) {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  figures(): string {
    return `${this.acknowledged.size} acknowledged; answers ${[...this.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(', ')}; ${this.retries} retries with the same key; ${this.connectionErrors} connection errors`;
  }
}

/** Posts one event until it gets an answer that is not "try again" (or the deadline), with the same Idempotency-Key each time. */
async function postOnce(url: string, token: string, key: string, body: unknown, tally: Tally, deadline: number): Promise<Answer | undefined> {
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (attempt) tally.retries++;
    let answer: Answer;
    try {
      answer = await send(url, 'POST', '/usage-events', token, body, { 'idempotency-key': key });
    } catch {
      tally.connectionErrors++;
      await sleep(100);
      continue;
    }
    tally.count(answer.status);
    if (answer.status === 502 || answer.status === 503) {
      await sleep(Math.min(1000, Number(answer.retryAfter ?? 0) * 1000) || 100);
      continue;
    }
    if (answer.status === 201) tally.acknowledged.set(key, { eventId: answer.json!.eventId as string, credits: (answer.json!.charge as { credits: string }).credits });
    return answer;
  }
  return undefined;
}

const gpt4o = (i: number) => ({ chatId: `load-${i % 40}`, records: [{ service: 'openai/gpt-4o', inputTokens: 200 + (i % 500), outputTokens: 100 + (i % 200) }] });

const bin = findPostgresBin();

describe('PostgreSQL, three host processes behind a round-robin proxy', { skip: bin ? false : 'no PostgreSQL server binaries (apt-get install postgresql)' }, () => {
  let cluster: Cluster;
  let database: string;
  let db: pg.Client;
  let hosts: HostProcess[] = [];
  let proxy: Proxy;
  let anna: string;

  const query = async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows;

  /** The ledger of an organisation checked entry by entry, straight from the database. */
  async function audit(orgId: string): Promise<{ entries: number; balance: string; problems: string[] }> {
    const rows = await query<{ seq: string; kind: string; credits: string; balance_after: string }>('SELECT seq, kind, credits, balance_after FROM ledger WHERE org_id = $1 ORDER BY seq', [orgId]);
    const [account] = await query<{ balance: string; last_seq: string }>('SELECT balance, last_seq FROM accounts WHERE org_id = $1', [orgId]);
    const problems: string[] = [];
    let total = new Decimal(0);
    rows.forEach((r, i) => {
      if (Number(r.seq) !== i + 1) problems.push(`entry ${i + 1} numbered ${r.seq}`);
      total = r.kind === 'charge' ? total.minus(r.credits) : total.plus(r.credits);
      if (!total.eq(r.balance_after)) problems.push(`entry ${r.seq}: balance_after ${r.balance_after}, running ${toPlain(total)}`);
      if (total.isNegative()) problems.push(`entry ${r.seq}: negative`);
    });
    if (!total.eq(account!.balance)) problems.push(`account ${account!.balance}, ledger ${toPlain(total)}`);
    if (Number(account!.last_seq) !== rows.length) problems.push(`account last_seq ${account!.last_seq}, ${rows.length} entries`);
    return { entries: rows.length, balance: toPlain(total), problems };
  }

  /** Every acknowledged event is stored with its id and credits, each charged by exactly one ledger entry. */
  async function assertAcknowledgedStored(tally: Tally) {
    const stored = new Map((await query<{ idempotency_key: string; id: string; credits: string }>("SELECT idempotency_key, id, credits FROM events WHERE org_id = 'org-nordlicht'")).map((r) => [r.idempotency_key, r]));
    for (const [key, { eventId, credits }] of tally.acknowledged) {
      assert.equal(stored.get(key)?.id, eventId, `acknowledged ${key} is stored`);
      assert.ok(new Decimal(stored.get(key)!.credits).eq(credits), `${key} credits`);
    }
    const [{ charges, events, distinct }] = (await query<{ charges: string; events: string; distinct: string }>(
      "SELECT (SELECT count(*) FROM ledger WHERE org_id = 'org-nordlicht' AND kind = 'charge') AS charges, (SELECT count(*) FROM events WHERE org_id = 'org-nordlicht') AS events, (SELECT count(DISTINCT event_id) FROM ledger WHERE org_id = 'org-nordlicht' AND kind = 'charge') AS distinct",
    )) as [{ charges: string; events: string; distinct: string }];
    assert.equal(Number(charges), Number(events), 'one charge per stored event');
    assert.equal(Number(distinct), Number(events), 'no event charged twice');
    const checked = await audit('org-nordlicht');
    assert.deepEqual(checked.problems, []);
  }

  before(async () => {
    // A port of the caller's choosing (a range reserved on a shared machine), else a free one.
    cluster = await startCluster({ port: process.env.CREDITKIT_TEST_CLUSTER_PORT ? Number(process.env.CREDITKIT_TEST_CLUSTER_PORT) : undefined });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE creditkit_processes');
    await admin.end();
    database = cluster.url.replace(/\/postgres$/, '/creditkit_processes');
    db = new pg.Client({ connectionString: database });
    db.on('error', () => {}); // PostgreSQL is crashed on purpose below
    await db.connect();
  });

  after(async () => {
    await proxy?.close();
    await Promise.all(hosts.map((h) => h.stop('SIGKILL')));
    await db?.end().catch(() => {});
    cluster?.stop();
  });

  it('three processes starting at once migrate and seed once, and a token from one is accepted by every other', async () => {
    hosts = await Promise.all([0, 1, 2].map(() => startHostProcess(database, ['--seed', 'organisations'])));
    proxy = await roundRobinProxy(() => hosts);
    const [{ orgs, users, accounts, migrations }] = (await query(
      'SELECT (SELECT count(*) FROM orgs) AS orgs, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM schema_migrations) AS migrations',
    )) as [Record<string, string>];
    assert.deepEqual([orgs, users, accounts, migrations].map(Number), [2, 7, 2, MIGRATIONS.length]);
    const issued = await send(hosts[0]!.url, 'POST', '/demo/token', undefined, { userId: 'u-anna' });
    anna = issued.json!.token as string;
    for (const host of hosts) assert.equal((await send(host.url, 'GET', '/balance', anna)).status, 200, host.url);
    await query("UPDATE orgs SET auto_recharge_enabled = false WHERE id IN ('org-nordlicht', 'org-gptbots')");
    await sleep(5_100); // the hosts' configuration cache (5 s)
    assert.equal((await send(proxy.url, 'POST', '/demo/top-up', anna, { credits: '1000000' })).status, 200);
  });

  it('200 concurrent usage posts through the three processes, 50 of them reusing a key: each key charged once', async () => {
    const posts: { key: string; body: unknown }[] = Array.from({ length: 150 }, (_, i) => ({ key: `burst-${i}`, body: gpt4o(i) }));
    for (let i = 0; i < 50; i++) posts.push(posts[i * 3]!);
    const before = await audit('org-nordlicht');
    const answers = await Promise.all(posts.map((p) => send(proxy.url, 'POST', '/usage-events', anna, p.body, { 'idempotency-key': p.key })));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [201]);
    const byKey = new Map<string, string>();
    let replays = 0;
    answers.forEach((a, i) => {
      const seen = byKey.get(posts[i]!.key);
      if (seen) {
        assert.equal(a.json!.eventId, seen, 'a reused key gets the first receipt');
        replays++;
      } else byKey.set(posts[i]!.key, a.json!.eventId as string);
    });
    const afterBurst = await audit('org-nordlicht');
    assert.deepEqual(afterBurst.problems, []);
    const charged = sum(answers.filter((_, i) => posts.findIndex((p) => p.key === posts[i]!.key) === i).map((a) => (a.json!.charge as { credits: string }).credits));
    assert.equal(afterBurst.entries - before.entries, 150, 'one ledger entry per key');
    assert.equal(afterBurst.balance, toPlain(new Decimal(before.balance).minus(charged)));
    const [{ keys }] = (await query("SELECT count(*) AS keys FROM events WHERE idempotency_key LIKE 'burst-%'")) as [{ keys: string }];
    assert.equal(Number(keys), 150);
    console.log(`# figures: 200 posts (150 keys, 50 reused) → 150 charges, ${replays} replays, 0 double charges; ledger entries ${before.entries} → ${afterBurst.entries}`);
  });

  it('a balance that lands exactly on 0 refuses every further charge (402) and is never negative', async () => {
    // Harbour Bots (GPTBots catalog): 1,000 GPT-4.1 (1M) input tokens are 0.22 credits; 22 credits pay exactly 100.
    const gina = (await send(hosts[1]!.url, 'POST', '/demo/token', undefined, { userId: 'u-gina' })).json!.token as string;
    assert.equal((await send(proxy.url, 'POST', '/demo/top-up', gina, { credits: '22' })).status, 200);
    const body = { chatId: 'zero', records: [{ service: 'openai/gpt-4.1-1m', inputTokens: 1000 }] };
    const answers = await Promise.all(Array.from({ length: 160 }, (_, i) => send(proxy.url, 'POST', '/usage-events', gina, body, { 'idempotency-key': `zero-${i}` })));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 100);
    assert.equal(statuses.filter((s) => s === 402).length, 60);
    assert.ok(answers.filter((a) => a.status === 402).every((a) => /credits-exhausted|insufficient-credits/.test(a.json!.type as string)));
    const balance = await send(proxy.url, 'GET', '/balance', gina);
    assert.equal(balance.json!.credits, '0');
    assert.equal(balance.json!.paused, true);
    const checked = await audit('org-gptbots');
    assert.deepEqual(checked.problems, []); // includes: no entry below 0
    assert.equal(checked.balance, '0');
    const more = await send(proxy.url, 'POST', '/usage-events', gina, body, { 'idempotency-key': 'zero-after' });
    assert.equal(more.status, 402);
    console.log(`# figures: 160 concurrent charges of 0.22 against 22 credits → 100 × 201, 60 × 402, balance exactly 0, lowest balance in the ledger 0`);
  });

  it('SIGKILL of one process mid-load: every acknowledged event is stored and charged once', async () => {
    const tally = new Tally();
    const deadline = Date.now() + 120_000;
    let n = 0;
    let killedAt = -1;
    const victim = hosts[2]!;
    const worker = async () => {
      while (tally.acknowledged.size < 900 && Date.now() < deadline) {
        const i = n++;
        await postOnce(proxy.url, anna, `kill-${i}`, gpt4o(i), tally, deadline);
        if (killedAt < 0 && tally.acknowledged.size >= 300) {
          killedAt = tally.acknowledged.size;
          victim.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    await victim.exited;
    hosts = hosts.filter((h) => h !== victim);
    assert.ok(killedAt > 0 && tally.acknowledged.size >= 900, tally.figures());
    await assertAcknowledgedStored(tally);
    console.log(`# figures: kill -9 after ${killedAt} acknowledged; ${tally.figures()}; proxy 502s ${proxy.badGateway}`);
    hosts.push(await startHostProcess(database)); // back to three
  });

  it('PostgreSQL crashed and restarted mid-load: the hosts reconnect, nothing acknowledged is lost, nothing is charged twice', async () => {
    const tally = new Tally();
    const deadline = Date.now() + 180_000;
    let n = 0;
    let restarted: { before: number; tookMs: number; firstAckAfterMs?: number } | undefined;
    let restartDone = 0;
    const worker = async () => {
      while (Date.now() < deadline && (!restarted || tally.acknowledged.size < restarted.before + 300)) {
        const i = n++;
        const answer = await postOnce(proxy.url, anna, `restart-${i}`, gpt4o(i), tally, deadline);
        if (answer?.status === 201 && restartDone && restarted && restarted.firstAckAfterMs === undefined) restarted.firstAckAfterMs = Date.now() - restartDone;
      }
    };
    const crash = (async () => {
      while (tally.acknowledged.size < 300 && Date.now() < deadline) await sleep(20);
      const started = Date.now();
      restarted = { before: tally.acknowledged.size, tookMs: 0 };
      await cluster.restart('immediate'); // no shutdown checkpoint: recovery replays the WAL
      restartDone = Date.now();
      restarted.tookMs = restartDone - started;
    })();
    await Promise.all([crash, ...Array.from({ length: 24 }, worker)]);
    assert.ok(restarted, 'PostgreSQL was restarted mid-load');
    assert.ok(tally.acknowledged.size >= restarted.before + 300, tally.figures());
    for (const host of hosts) assert.equal(host.child.exitCode, null, 'no host process died');
    await db.end().catch(() => {});
    db = new pg.Client({ connectionString: database });
    db.on('error', () => {}); // PostgreSQL is crashed on purpose below
    await db.connect();
    await assertAcknowledgedStored(tally);
    console.log(`# figures: PostgreSQL crash-restart (pg_ctl -m immediate, ${restarted.tookMs} ms) after ${restarted.before} acknowledged; first acknowledgement ${restarted.firstAckAfterMs} ms after it was up; ${tally.figures()}`);
  });

  it('while PostgreSQL is down every process answers 503 with Retry-After; once it is back, they serve again without a restart', async () => {
    cluster.pgCtl('-m', 'fast', '-w', 'stop');
    try {
      for (const host of hosts) {
        const down = await send(host.url, 'GET', '/balance', anna);
        assert.equal(down.status, 503, host.url);
        assert.equal(down.json!.type, 'https://creditkit.dev/problems/database-unavailable');
        assert.ok(Number(down.retryAfter) > 0);
        const write = await send(host.url, 'POST', '/usage-events', anna, gpt4o(1), { 'idempotency-key': `down-${host.port}` });
        assert.equal(write.status, 503);
      }
    } finally {
      cluster.pgCtl('-o', `-p ${cluster.port} -k ${cluster.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, '-l', `${cluster.dir}/log`, '-w', 'start');
    }
    for (const host of hosts) {
      assert.equal((await send(host.url, 'GET', '/balance', anna)).status, 200, host.url);
      assert.equal((await send(host.url, 'POST', '/usage-events', anna, gpt4o(2), { 'idempotency-key': `up-${host.port}` })).status, 201);
    }
  });
});
