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

interface Host {
  child: ChildProcess;
  port: number;
}

function startHost(database: string): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'host', '--port', '0', '--database', database, '--seed', 'organisations'], {
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

/** CPU time (user + system) of a process in ms, from /proc (10 ms ticks); 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * The cluster's server processes: its postmaster (the first line of postmaster.pid) and the
 * backends and workers it forked. Not every `postgres` on the machine: another cluster (a test
 * suite running at the same time) must not be counted.
 */
function postgresPids(dataDir: string): () => number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return () =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        if (pid === postmaster) return true;
        try {
          return /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] === String(postmaster);
        } catch {
          return false;
        }
      });
}

/** CPU of a set of processes; for PostgreSQL the set is re-read, since backends come and go with connections. */
const cpuOf = (pids: () => number[]) => pids().reduce((sum, pid) => sum + cpuMs(pid), 0);

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

async function load(hosts: Host[], count: number, call: (i: number) => Call, expected: number, dbPids?: () => number[]) {
  const hostCpu = () => hosts.reduce((sum, h) => sum + cpuMs(h.child.pid!), 0);
  const [hostBefore, dbBefore] = [hostCpu(), dbPids ? cpuOf(dbPids) : 0];
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  let sent = 0;
  let ok = 0;
  const refused = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count && performance.now() - started < TIME_LIMIT_MS) {
        const i = next++;
        const status = await send(agent, hosts[i % hosts.length]!.port, call(i));
        sent++;
        if (status === expected) ok++;
        else refused.set(status, (refused.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    sent,
    ok,
    /** Statuses other than the expected one, and how often (0: no answer). */
    refused: [...refused].map(([status, n]) => `${n}× ${status}`).join(', '),
    perSecond: sent / seconds,
    hostCpuUs: ((hostCpu() - hostBefore) * 1000) / sent,
    dbCpuUs: dbPids ? ((cpuOf(dbPids) - dbBefore) * 1000) / sent : undefined,
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

type Row = { name: string; engine: string; orgs: number; processes: number; usage: Awaited<ReturnType<typeof load>>; balance: Awaited<ReturnType<typeof load>> };

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
async function scenario(engine: string, database: string, processes: number, dbPids?: () => number[]): Promise<Row[]> {
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
    await load(hosts, 300 * processes, usageCall(tokens, `warm-${key}`), 201);
    await load(hosts, 600 * processes, balanceCall(tokens), 200);
    const rows: Row[] = [];
    for (const [orgs, used] of [[1, tokens.slice(0, 1)], [tokens.length, tokens]] as const) {
      const usage = await load(hosts, USAGE_REQUESTS, usageCall(used, `${key}-${orgs}`), 201, dbPids);
      const balance = await load(hosts, BALANCE_REQUESTS, balanceCall(used), 200, dbPids);
      rows.push({ name: `${engine}${processes > 1 || engine !== 'SQLite' ? ` × ${processes}` : ''}`, engine, orgs, processes, usage, balance });
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
  const cluster = await startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    for (const processes of [1, 2, 3]) {
      // A fresh database per scenario, so each starts from the same seeded state.
      await admin.query(`CREATE DATABASE bench_${processes}`);
      const url = cluster.url.replace(/\/postgres$/, `/bench_${processes}`);
      rows.push(...(await scenario('PostgreSQL', url, processes, postgresPids(cluster.data))));
    }
    await admin.end();
  } finally {
    cluster.stop();
  }
}

console.log(`loopback, ${CONCURRENCY} requests in flight, keep-alive, requests spread round-robin over the processes; ${USAGE_REQUESTS} usage events and ${BALANCE_REQUESTS} balance reads per scenario\n`);
console.log('| engine × host processes | organisations | usage events/s (ok) | vs SQLite | host CPU µs/event | PostgreSQL CPU µs/event | balance reads/s (ok) | host CPU µs/read | PostgreSQL CPU µs/read |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const us = (v: number | undefined) => (v === undefined ? '–' : String(Math.round(v)));
for (const orgs of [...new Set(rows.map((r) => r.orgs))]) {
  const sqlite = rows.find((r) => r.engine === 'SQLite' && r.orgs === orgs)!;
  for (const r of rows.filter((row) => row.orgs === orgs)) {
    console.log(
      `| ${r.name} | ${r.orgs} | ${Math.round(r.usage.perSecond)} (${r.usage.ok}/${r.usage.sent}) | ${(r.usage.perSecond / sqlite.usage.perSecond).toFixed(2)} | ${us(r.usage.hostCpuUs)} | ${us(r.usage.dbCpuUs)} | ${Math.round(r.balance.perSecond)} (${r.balance.ok}/${r.balance.sent}) | ${us(r.balance.hostCpuUs)} | ${us(r.balance.dbCpuUs)} |`,
    );
  }
}
for (const orgs of [...new Set(rows.map((r) => r.orgs))]) {
  const of = (engine: string, processes: number) => rows.find((r) => r.engine === engine && r.processes === processes && r.orgs === orgs);
  const [sqlite, pg1, pg3] = [of('SQLite', 1), of('PostgreSQL', 1), of('PostgreSQL', 3)];
  console.log(`\n${orgs} organisation${orgs > 1 ? 's' : ''}:`);
  if (sqlite && pg1) console.log(`  PostgreSQL × 1 at ${Math.round((pg1.usage.perSecond / sqlite.usage.perSecond) * 100)} % of SQLite's events/s (target ≥ 50 %): ${pg1.usage.perSecond >= sqlite.usage.perSecond / 2 ? 'met' : 'missed'}`);
  if (pg1 && pg3) console.log(`  host CPU per event with 3 processes ${Math.round(pg3.usage.hostCpuUs)} µs vs 1 process ${Math.round(pg1.usage.hostCpuUs)} µs (target: not growing; ×${(pg3.usage.hostCpuUs / pg1.usage.hostCpuUs).toFixed(2)}); PostgreSQL CPU per event ×${(pg3.usage.dbCpuUs! / pg1.usage.dbCpuUs!).toFixed(2)}`);
}
console.log(`load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} CPUs (all servers and the load generator share them)`);
if (rows.some((r) => r.usage.ok !== r.usage.sent || r.balance.ok !== r.balance.sent)) {
  for (const r of rows) for (const [what, l] of [['usage', r.usage], ['balance', r.balance]] as const) if (l.refused) console.error(`${r.name}, ${r.orgs} organisations, ${what}: ${l.refused}`);
  console.error('some requests failed');
  process.exitCode = 1;
}
if (!existsSync('/proc/self/stat')) console.log('(no /proc: CPU columns are 0)');
