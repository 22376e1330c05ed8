// The reference host on its two engines, side by side in one run: usage events per second and
// balance reads per second on SQLite (one process, the embedded default) and on PostgreSQL with
// 1, 2 and 3 host processes on one database, each a `creditkit host` child process as a
// platform runs it. The load generator spreads requests round-robin over the processes (a load
// balancer's job, done here without a proxy process that would compete for the 2 cores) and
// reads every server's CPU time from /proc: the host processes' and PostgreSQL's own, per request.
// Targets (issue 17): PostgreSQL with one process ≥ 50 % of SQLite's events/s; host CPU per event
// not growing with the number of processes. Each engine runs twice: every event charging one
// organisation (all writers queue on its account row), and events spread over ORGANISATIONS
// organisations (how a platform's traffic looks), which separates lock contention from the cost
// of a process. PostgreSQL is skipped, saying so, without its binaries.
//
// CPU per event depends on how much work each wakeup of a process finds, so the events are
// measured twice: at saturation (CONCURRENCY requests in flight, closed loop: N processes each
// see 1/N of them, so their batches and event-loop turns are smaller) and at a fixed offered rate
// below every configuration's saturation (open loop: the same work per second everywhere). Beside
// them, what explains the figures: events per committed transaction (the batch size, from the
// events' inserting transaction ids), backends waiting on a lock (sampled), the hosts' context
// switches per event, the load generator's own CPU (it shares the cores) and what an idle process
// costs per second (timers, the webhook outbox poll).
//
//   BENCH_POSTGRES_PORT=55400 npm run bench -- host-engines    (a port of your choosing, else a free one)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { findPostgresBin, startCluster } from '../scripts/postgres.mjs';
import { openStore } from '../src/host/store/index.js';

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const USAGE_REQUESTS = Number(process.env.USAGE_REQUESTS ?? 3000);
const BALANCE_REQUESTS = Number(process.env.BALANCE_REQUESTS ?? 6000);
const ORGANISATIONS = Number(process.env.ORGANISATIONS ?? 24);
const TIME_LIMIT_MS = 30_000;
/** Events and balance reads each process serves before anything is measured (JIT, connections, caches). */
const WARM_EVENTS = Number(process.env.WARM_EVENTS ?? 300);
/** The fixed offered load (events/s, open loop), below every configuration's saturation: CPU per event at equal load. */
const RATE = Number(process.env.RATE ?? 150);
const RATE_EVENTS = Number(process.env.RATE_EVENTS ?? 1200);

interface Host {
  child: ChildProcess;
  port: number;
}

function startHost(database: string): Promise<Host> {
  const child = spawn(process.execPath, [...(process.env.BENCH_HOST_NODE_ARGS?.split(' ') ?? []), '--import', 'tsx', 'src/cli/bin.ts', 'host', '--port', '0', '--database', database, '--seed', 'organisations'], {
    env: { ...process.env, CREDITKIT_DEMO_TOKENS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /listening http:\/\/127\.0\.0\.1:(\d+)\/api/.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve({ child, port: Number(m[1]) });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`creditkit host exited (${code}): ${out}`)));
  });
}

/** CPU time (user + system) of a process in ms, from /proc (10 ms ticks), with its exited children's if asked; 0 once it is gone. */
function cpuMs(pid: number, reapedChildren = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12]) + (reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0)) * 10;
  } catch {
    return 0;
  }
}

/** Context switches (voluntary + involuntary) of a process, from /proc; 0 once it is gone. */
function switches(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^voluntary_ctxt_switches:\s+(\d+)$/m.exec(status)?.[1] ?? 0) + Number(/^nonvoluntary_ctxt_switches:\s+(\d+)$/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * The CPU of the cluster's server processes: its postmaster (the first line of postmaster.pid),
 * the backends and workers it forked, and those that have exited meanwhile (the postmaster's
 * reaped children: a pooled connection closed after its idle timeout keeps counting). Not every
 * `postgres` on the machine: another cluster (a test suite running at the same time) must not be
 * counted; nor the bench's own connections (`exclude`).
 */
function postgresCpu(dataDir: string, exclude: ReadonlySet<number>): () => number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = () =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        try {
          return /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] === String(postmaster) && !exclude.has(pid);
        } catch {
          return false;
        }
      });
  return () => cpuMs(postmaster, true) + children().reduce((sum, pid) => sum + cpuMs(pid), 0);
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function send(agent: Agent, port: number, call: Call): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { agent, host: '127.0.0.1', port, method: call.method, path: `/api${call.path}`, headers: { ...call.headers, ...(call.body && { 'content-length': Buffer.byteLength(call.body) }) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0)); // counted as failed, not fatal: the table says how many
    req.end(call.body);
  });
}

interface LoadOptions {
  /** The database cluster's CPU in ms so far. */
  dbCpu?: () => number;
  /** Open loop: requests sent at this rate (per second) whatever the answers, instead of CONCURRENCY in flight. */
  rate?: number;
}

async function load(hosts: Host[], count: number, call: (i: number) => Call, expected: number, { dbCpu, rate }: LoadOptions = {}) {
  const hostCpu = () => hosts.reduce((sum, h) => sum + cpuMs(h.child.pid!), 0);
  const hostSwitches = () => hosts.reduce((sum, h) => sum + switches(h.child.pid!), 0);
  const [hostBefore, dbBefore, switchesBefore, clientBefore] = [hostCpu(), dbCpu?.() ?? 0, hostSwitches(), process.cpuUsage()];
  const agent = new Agent({ keepAlive: true, maxSockets: rate ? Infinity : CONCURRENCY });
  let next = 0;
  let sent = 0;
  let ok = 0;
  const refused = new Map<number, number>();
  const latencies: number[] = [];
  const started = performance.now();
  const one = async () => {
    const i = next++;
    const t0 = performance.now();
    const status = await send(agent, hosts[i % hosts.length]!.port, call(i));
    latencies.push(performance.now() - t0);
    sent++;
    if (status === expected) ok++;
    else refused.set(status, (refused.get(status) ?? 0) + 1);
  };
  if (rate) {
    // Each request leaves at its time (i / rate), answered or not: the offered load does not bend to the server.
    const inFlight: Promise<void>[] = [];
    while (next < count && performance.now() - started < TIME_LIMIT_MS) {
      const due = started + (next * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (next < count && performance.now() >= started + (next * 1000) / rate) inFlight.push(one());
    }
    await Promise.all(inFlight);
  } else {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count && performance.now() - started < TIME_LIMIT_MS) await one();
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent,
    ok,
    /** Statuses other than the expected one, and how often (0: no answer). */
    refused: [...refused].map(([status, n]) => `${n}× ${status}`).join(', '),
    perSecond: sent / seconds,
    hostCpuUs: ((hostCpu() - hostBefore) * 1000) / sent,
    dbCpuUs: dbCpu ? ((dbCpu() - dbBefore) * 1000) / sent : undefined,
    /** The load generator's own CPU per request (it shares the cores with the servers). */
    clientCpuUs: ((({ user, system }) => user + system)(process.cpuUsage(clientBefore))) / sent,
    /** The host processes' context switches per request. */
    switches: (hostSwitches() - switchesBefore) / sent,
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  };
}

async function json(port: number, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

const usageCall = (tokens: string[], prefix: string) => (i: number): Call => ({
  method: 'POST',
  path: '/usage-events',
  headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
  body: JSON.stringify({ chatId: `bench-${i % 500}`, records: [{ service: 'openai/gpt-4o', inputTokens: 500 + (i % 1000), outputTokens: 200 + (i % 300) }] }),
});
const balanceCall = (tokens: string[]) => (i: number): Call => ({ method: 'GET', path: '/balance', headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } });

type Measured = Awaited<ReturnType<typeof load>>;
type Row = {
  name: string;
  engine: string;
  orgs: number;
  processes: number;
  usage: Measured;
  /** The same events at a fixed rate (RATE/s, open loop): CPU per event at equal offered load. */
  paced: Measured;
  balance: Measured;
  /** Events per committed transaction at saturation (PostgreSQL: distinct inserting transactions of the events). */
  perTransaction?: number;
  /** Backends waiting on a lock, sampled during the saturated usage load (mean). */
  lockWaiters?: number;
  /** Host CPU while idle, µs per second per process (timers, pollers). */
  idleUsPerSecond: number;
};

/** What the bench asks PostgreSQL beside the load: batch sizes and lock waits. */
interface Inspector {
  eventsPerTransaction(keyPrefix: string): Promise<number>;
  /** Samples lock waiters until the returned stop() is called; stop() gives the mean. */
  sampleLockWaiters(): () => Promise<number>;
}

async function inspector(url: string, exclude: Set<number>): Promise<Inspector & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The sampler's own backend is the bench's, not the servers': its CPU is not counted.
  exclude.add((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
  return {
    async eventsPerTransaction(prefix) {
      // xmin is the transaction that inserted a row: events sharing it were committed together.
      const { rows } = await client.query<{ n: string; tx: string }>("SELECT count(*) AS n, count(DISTINCT xmin::text) AS tx FROM events WHERE idempotency_key LIKE $1 || '-%'", [prefix]);
      return Number(rows[0]!.n) / Number(rows[0]!.tx);
    },
    sampleLockWaiters() {
      let [sum, samples, running] = [0, 0, true];
      const done = (async () => {
        while (running) {
          const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
          sum += rows[0]!.n;
          samples++;
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      return async () => {
        running = false;
        await done;
        return samples ? sum / samples : 0;
      };
    },
    close: () => client.end(),
  };
}

/** Adds `count` organisations of one administrator each (the demo seed holds two); returns the users' ids. */
async function addOrganisations(database: string, count: number): Promise<string[]> {
  const store = await openStore(database);
  try {
    const ids = Array.from({ length: count }, (_, k) => `bench-${k + 1}`);
    await store.insertDirectory({
      organisations: ids.map((id) => ({ id: `org-${id}`, name: `Bench ${id}`, catalog: 'meingpt', lowBalancePercents: [], autoRecharge: { enabled: false, threshold: '0', credits: '0', monthlyLimit: null } })),
      departments: [],
      users: ids.map((id) => ({ id: `u-${id}`, orgId: `org-${id}`, departmentId: null, name: `Admin ${id}`, role: 'admin' as const, dailyLimit: null, monthlyLimit: null })),
    });
    return ids.map((id) => `u-${id}`);
  } finally {
    await store.close();
  }
}

/**
 * Starts `processes` hosts on `database` (the first alone, so it migrates and seeds), loads them
 * with events of one organisation and then of `orgs` organisations, stops them.
 */
async function scenario(engine: string, database: string, processes: number, db?: { cpu: () => number; inspect: Inspector }): Promise<Row[]> {
  const first = await startHost(database);
  const hosts = [first, ...(await Promise.all(Array.from({ length: processes - 1 }, () => startHost(database))))];
  try {
    const users = ['u-anna', ...(await addOrganisations(database, ORGANISATIONS))];
    // Tokens issued by the first process, used on every process (a shared signing key).
    const tokens: string[] = [];
    for (const userId of users) {
      const { token } = (await json(first.port, '/demo/token', { userId })) as { token: string };
      await json(first.port, '/demo/top-up', { credits: '1000000000' }, token);
      tokens.push(token);
    }
    const key = `${engine}-${processes}`.replace(/\W+/g, '-'); // an Idempotency-Key is a token: no spaces, ASCII
    // Every process warms up (JIT, connections, caches) before anything is measured.
    await load(hosts, WARM_EVENTS * processes, usageCall(tokens, `warm-${key}`), 201);
    await load(hosts, 2 * WARM_EVENTS * processes, balanceCall(tokens), 200);
    // What a process costs doing nothing (timers, the webhook outbox poll), per second.
    const idleBefore = hosts.reduce((sum, h) => sum + cpuMs(h.child.pid!), 0);
    await new Promise((r) => setTimeout(r, 3000));
    const idleUsPerSecond = ((hosts.reduce((sum, h) => sum + cpuMs(h.child.pid!), 0) - idleBefore) * 1000) / 3 / processes;
    const rows: Row[] = [];
    for (const [orgs, used] of [[1, tokens.slice(0, 1)], [tokens.length, tokens]] as const) {
      const stopSampling = db?.inspect.sampleLockWaiters();
      const usage = await load(hosts, USAGE_REQUESTS, usageCall(used, `${key}-${orgs}`), 201, { dbCpu: db?.cpu });
      const lockWaiters = await stopSampling?.();
      const paced = await load(hosts, RATE_EVENTS, usageCall(used, `${key}-${orgs}-paced`), 201, { dbCpu: db?.cpu, rate: RATE });
      const balance = await load(hosts, BALANCE_REQUESTS, balanceCall(used), 200, { dbCpu: db?.cpu });
      const perTransaction = await db?.inspect.eventsPerTransaction(`${key}-${orgs}`);
      rows.push({ name: `${engine}${processes > 1 || engine !== 'SQLite' ? ` × ${processes}` : ''}`, engine, orgs, processes, usage, paced, balance, perTransaction, lockWaiters, idleUsPerSecond });
    }
    return rows;
  } finally {
    for (const host of hosts) host.child.kill('SIGTERM');
    await Promise.all(hosts.map((h) => new Promise((r) => (h.child.exitCode === null ? h.child.once('exit', r) : r(null)))));
  }
}

const rows: Row[] = [];
const sqliteDir = mkdtempSync(join(tmpdir(), 'creditkit-bench-sqlite-'));
rows.push(...(await scenario('SQLite', join(sqliteDir, 'host.sqlite'), 1)));
rmSync(sqliteDir, { recursive: true, force: true });

if (!findPostgresBin()) {
  console.log('PostgreSQL: skipped (no server binaries; apt-get install postgresql)');
} else {
  // A port of the caller's choosing (a range reserved on a shared machine), else a free one.
  const cluster = await startCluster({ port: process.env.BENCH_POSTGRES_PORT ? Number(process.env.BENCH_POSTGRES_PORT) : undefined });
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    for (const processes of [1, 2, 3]) {
      // A fresh database per scenario, so each starts from the same seeded state.
      await admin.query(`CREATE DATABASE bench_${processes}`);
      const url = cluster.url.replace(/\/postgres$/, `/bench_${processes}`);
      const exclude = new Set<number>();
      const inspect = await inspector(url, exclude);
      rows.push(...(await scenario('PostgreSQL', url, processes, { cpu: postgresCpu(cluster.data, exclude), inspect })));
      await inspect.close();
    }
    await admin.end();
  } finally {
    cluster.stop();
  }
}

console.log(`loopback, keep-alive, requests spread round-robin over the processes; ${USAGE_REQUESTS} usage events and ${BALANCE_REQUESTS} balance reads per scenario\n`);
console.log(`At saturation (${CONCURRENCY} requests in flight, closed loop):\n`);
console.log('| engine × host processes | organisations | usage events/s (ok) | vs SQLite | host CPU µs/event | PostgreSQL CPU µs/event | events per transaction | lock waiters | host context switches/event | load generator CPU µs/event | balance reads/s (ok) | host CPU µs/read | PostgreSQL CPU µs/read |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const us = (v: number | undefined) => (v === undefined ? '–' : String(Math.round(v)));
const one = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));
const orgCounts = [...new Set(rows.map((r) => r.orgs))];
for (const orgs of orgCounts) {
  const sqlite = rows.find((r) => r.engine === 'SQLite' && r.orgs === orgs)!;
  for (const r of rows.filter((row) => row.orgs === orgs)) {
    console.log(
      `| ${r.name} | ${r.orgs} | ${Math.round(r.usage.perSecond)} (${r.usage.ok}/${r.usage.sent}) | ${(r.usage.perSecond / sqlite.usage.perSecond).toFixed(2)} | ${us(r.usage.hostCpuUs)} | ${us(r.usage.dbCpuUs)} | ${one(r.perTransaction)} | ${one(r.lockWaiters)} | ${one(r.usage.switches)} | ${us(r.usage.clientCpuUs)} | ${Math.round(r.balance.perSecond)} (${r.balance.ok}/${r.balance.sent}) | ${us(r.balance.hostCpuUs)} | ${us(r.balance.dbCpuUs)} |`,
    );
  }
}
console.log(`\nAt a fixed offered load (${RATE} events/s, open loop, ${RATE_EVENTS} events; below every configuration's saturation, so all do the same work per second):\n`);
console.log('| engine × host processes | organisations | events/s (ok) | host CPU µs/event | PostgreSQL CPU µs/event | host context switches/event | latency p50 / p99 ms | idle host CPU µs/s per process |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const orgs of orgCounts) {
  for (const r of rows.filter((row) => row.orgs === orgs)) {
    console.log(
      `| ${r.name} | ${r.orgs} | ${Math.round(r.paced.perSecond)} (${r.paced.ok}/${r.paced.sent}) | ${us(r.paced.hostCpuUs)} | ${us(r.paced.dbCpuUs)} | ${one(r.paced.switches)} | ${one(r.paced.p50Ms)} / ${one(r.paced.p99Ms)} | ${us(r.idleUsPerSecond)} |`,
    );
  }
}
for (const orgs of orgCounts) {
  const of = (engine: string, processes: number) => rows.find((r) => r.engine === engine && r.processes === processes && r.orgs === orgs);
  const [sqlite, pg1, pg3] = [of('SQLite', 1), of('PostgreSQL', 1), of('PostgreSQL', 3)];
  console.log(`\n${orgs} organisation${orgs > 1 ? 's' : ''}:`);
  if (sqlite && pg1) console.log(`  PostgreSQL × 1 at ${Math.round((pg1.usage.perSecond / sqlite.usage.perSecond) * 100)} % of SQLite's events/s (target ≥ 50 %): ${pg1.usage.perSecond >= sqlite.usage.perSecond / 2 ? 'met' : 'missed'}`);
  if (pg1 && pg3) {
    const ratio = (f: (r: Row) => number) => (f(pg3) / f(pg1)).toFixed(2);
    console.log(`  CPU per event, 3 processes vs 1 (target: not growing):`);
    console.log(`    at saturation: host ${Math.round(pg3.usage.hostCpuUs)} vs ${Math.round(pg1.usage.hostCpuUs)} µs ×${ratio((r) => r.usage.hostCpuUs)}, PostgreSQL ×${ratio((r) => r.usage.dbCpuUs!)}; events per transaction ${one(pg3.perTransaction)} vs ${one(pg1.perTransaction)}`);
    // A fixed rate that a configuration could not keep up is saturation again, not equal load.
    const kept = [pg1, pg3].every((r) => r.paced.perSecond >= RATE * 0.95);
    console.log(`    at ${RATE} events/s: host ${Math.round(pg3.paced.hostCpuUs)} vs ${Math.round(pg1.paced.hostCpuUs)} µs ×${ratio((r) => r.paced.hostCpuUs)}, PostgreSQL ×${ratio((r) => r.paced.dbCpuUs!)}${kept ? '' : ' (not comparable: the rate was not kept up, the machine is saturated; lower RATE)'}`);
  }
}
console.log(`load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} CPUs (all servers and the load generator share them)`);
if (rows.some((r) => r.usage.ok !== r.usage.sent || r.paced.ok !== r.paced.sent || r.balance.ok !== r.balance.sent)) {
  for (const r of rows) for (const [what, l] of [['usage', r.usage], ['paced usage', r.paced], ['balance', r.balance]] as const) if (l.refused) console.error(`${r.name}, ${r.orgs} organisations, ${what}: ${l.refused}`);
  console.error('some requests failed');
  process.exitCode = 1;
}
if (!existsSync('/proc/self/stat')) console.log('(no /proc: CPU columns are 0)');
