// The reference host over loopback: usage events recorded per second (target ≥ 2,000/s) and
// balance requests per second (target ≥ 5,000/s), each beside a bare http server answering
// the same routes with fixed JSON. Servers run in child processes; the load generator here is
// bounded: a fixed number of requests, a fixed concurrency, a time limit, 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const TIME_LIMIT_MS = 20_000;
const USAGE_REQUESTS = Number(process.env.USAGE_REQUESTS ?? 10_000);
const BALANCE_REQUESTS = Number(process.env.BALANCE_REQUESTS ?? 25_000);

function start(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function send(agent: Agent, url: URL, call: Call): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method: call.method, path: url.pathname + call.path, headers: { ...call.headers, ...(call.body && { 'content-length': Buffer.byteLength(call.body) }) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(call.body);
  });
}

type Result = Awaited<ReturnType<typeof load>>;

/** Sends `count` calls (call(i) makes the i-th) with CONCURRENCY in flight, stopping at the time limit. */
/** CPU time (user + system) a process has used, in ms, from /proc (Linux; 10 ms ticks). */
function cpuMs(pid: number | undefined): number {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14, 15) in 1/100 s
}

async function load(base: string, count: number, call: (i: number) => Call, expected: number, pid?: number) {
  const cpuBefore = cpuMs(pid);
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  const started = performance.now();
  const deadline = started + TIME_LIMIT_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count && performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        const res = await send(agent, url, call(i));
        latencies.push(performance.now() - t);
        if (res.status === expected) ok++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { sent: latencies.length, ok, seconds, perSecond: latencies.length / seconds, p50: q(0.5), p99: q(0.99), serverCpuMs: cpuMs(pid) - cpuBefore };
}

const dataDirs: string[] = [];
/** A reference host on a fresh database with a billion credits, and a token for its admin. */
async function startHost(durability: 'FULL' | 'NORMAL') {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-bench-'));
  dataDirs.push(dataDir);
  const server = await start(['src/cli/bin.ts', 'host', '--port', '0', '--database', join(dataDir, 'host.sqlite'), '--seed', 'organisations', '--sqlite-sync', durability], {});
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return res.json() as Promise<Record<string, unknown>>;
  };
  const { token } = (await post('/demo/token', { userId: 'u-anna' })) as { token: string };
  await post('/demo/top-up', { credits: '1000000000' }, { authorization: `Bearer ${token}` });
  return { ...server, token };
}
const host = await startHost('FULL');
const hostNormal = await startHost('NORMAL');
// Both hosts sign with their own secret: each gets its own token.
const authOf = (token: string) => ({ authorization: `Bearer ${token}` });
const auth = authOf(host.token);

const usageCall = (prefix: string, headers = auth) => (i: number): Call => ({
  method: 'POST',
  path: '/usage-events',
  headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
  body: JSON.stringify({ chatId: `bench-${i % 500}`, records: [{ service: 'openai/gpt-4o', inputTokens: 500 + (i % 1000), outputTokens: 200 + (i % 300) }] }),
});
const balanceCall: Call = { method: 'GET', path: '/balance', headers: auth };

// Warm up both paths (JIT, SQLite page cache), then capture real bodies for the baseline.
await load(host.url, 500, usageCall('warm'), 201);
await load(hostNormal.url, 500, usageCall('warm', authOf(hostNormal.token)), 201);
await load(host.url, 1000, () => balanceCall, 200);
const sampleReceipt = (await send(new Agent(), new URL(host.url), usageCall('sample')(0))).body;
const sampleBalance = (await send(new Agent(), new URL(host.url), balanceCall)).body;

// Host and baseline both stay up; rounds alternate between them so that the shared machine's
// load (other processes) weighs on both alike. The median of the rounds is reported.
const baseline = await start(['bench/host-baseline-server.ts'], { BASELINE_BALANCE: sampleBalance, BASELINE_RECEIPT: sampleReceipt });
await load(baseline.url, 1000, usageCall('warm'), 201);
const ROUNDS = 5;
const runs = { usage: [] as Result[], usageNormal: [] as Result[], baseUsage: [] as Result[], balance: [] as Result[], baseBalance: [] as Result[] };
for (let round = 0; round < ROUNDS; round++) {
  runs.usage.push(await load(host.url, USAGE_REQUESTS / ROUNDS, usageCall(`bench${round}`), 201, host.child.pid));
  runs.usageNormal.push(await load(hostNormal.url, USAGE_REQUESTS / ROUNDS, usageCall(`bench${round}`, authOf(hostNormal.token)), 201, hostNormal.child.pid));
  runs.baseUsage.push(await load(baseline.url, USAGE_REQUESTS / ROUNDS, usageCall(`bench${round}`), 201, baseline.child.pid));
  runs.balance.push(await load(host.url, BALANCE_REQUESTS / ROUNDS, () => balanceCall, 200, host.child.pid));
  runs.baseBalance.push(await load(baseline.url, BALANCE_REQUESTS / ROUNDS, () => balanceCall, 200, baseline.child.pid));
}
for (const server of [host, hostNormal, baseline]) server.child.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 200));
for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });

/** The median round, with the server's CPU time per request over all rounds. */
const median = (results: Result[]) => ({
  ...[...results].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(results.length / 2)]!,
  cpuUsPerRequest: (results.reduce((a, r) => a + r.serverCpuMs, 0) * 1000) / results.reduce((a, r) => a + r.sent, 0),
});
const usage = median(runs.usage);
const usageNormal = median(runs.usageNormal);
const balance = median(runs.balance);
const baseUsage = median(runs.baseUsage);
const baseBalance = median(runs.baseBalance);
const failed = [...runs.usage, ...runs.usageNormal, ...runs.balance].some((r) => r.ok !== r.sent);

const rows = [
  ['usage events (POST, SQLite synchronous FULL, the default)', usage, baseUsage, 2000],
  ['usage events (POST, SQLite synchronous NORMAL)', usageNormal, baseUsage, 2000],
  ['balance (GET)', balance, baseBalance, 5000],
] as const;
console.log(`loopback, ${CONCURRENCY} requests in flight, keep-alive; baseline = bare http server with the same JSON bodies\n`);
console.log('| scenario | requests (ok) | req/s | p50 ms | p99 ms | baseline req/s | host / baseline | server CPU µs/req (baseline) | req/s per busy core | target |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const [name, r, b, target] of rows) {
  const perCore = 1e6 / r.cpuUsPerRequest;
  console.log(
    `| ${name} | ${r.sent} (${r.ok}) | ${Math.round(r.perSecond)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${Math.round(b.perSecond)} | ${(r.perSecond / b.perSecond).toFixed(2)} | ${Math.round(r.cpuUsPerRequest)} (${Math.round(b.cpuUsPerRequest)}) | ${Math.round(perCore)} | ≥ ${target}/s: ${r.perSecond >= target ? 'met' : 'missed'} here, ${perCore >= target ? 'met' : 'missed'} per core |`,
  );
}
console.log('\n"req/s per busy core" = 1 s / the server process\'s CPU time per request (from /proc): what one core does when it is not shared.');
console.log(`\nmedian of ${ROUNDS} alternating rounds; load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} CPUs`);
if (failed) {
  console.error('some requests failed');
  process.exitCode = 1;
}
