// A reference host killed (SIGKILL) in the middle of a stream of writes and restarted on the
// same data directory has every event it acknowledged, each charged once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import Database from 'better-sqlite3';
import { Decimal, toPlain } from '../../src/core/decimal.js';

const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-crash-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function startHost(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'host', '--port', '0', '--database', join(dataDir, 'host.sqlite'), '--seed', 'organisations'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`host exited early (${code})`)));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));

async function post(url: string, path: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

it('a host killed mid-write and restarted loses no acknowledged event', async () => {
  let { child, url } = await startHost();
  const { json: issued } = await post(url, '/demo/token', undefined, { userId: 'u-anna' });
  const token = issued.token as string;
  assert.equal((await post(url, '/demo/top-up', token, { credits: '1000000' })).status, 200);

  const acknowledged = new Map<string, { eventId: string; credits: string; body: unknown }>();
  let killed = false;
  const worker = async (w: number) => {
    for (let n = 0; !killed; n++) {
      const key = `crash-${w}-${n}`;
      const body = { chatId: `crash-${w}`, records: [{ service: 'openai/gpt-4o', inputTokens: 100 + n, outputTokens: 50 + w }] };
      try {
        const res = await post(url, '/usage-events', token, body, { 'idempotency-key': key });
        if (res.status === 201) {
          const charge = res.json.charge as { credits: string };
          acknowledged.set(key, { eventId: res.json.eventId as string, credits: charge.credits, body });
        }
      } catch (error) {
        if (killed) return; // the connection died with the host
        throw error;
      }
      if (acknowledged.size >= 400 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
  await exited(child);
  assert.ok(acknowledged.size >= 400);

  ({ child, url } = await startHost());
  // Re-sending an acknowledged event replays its receipt: it is stored and charged once.
  const sample = [...acknowledged.entries()].filter((_, i) => i % 20 === 0);
  for (const [key, { eventId, body }] of sample) {
    const res = await post(url, '/usage-events', token, body, { 'idempotency-key': key });
    assert.equal(res.status, 201);
    assert.equal(res.json.eventId, eventId);
  }
  const balance = await (await fetch(`${url}/balance`, { headers: { authorization: `Bearer ${token}` } })).json() as { credits: string };
  child.kill('SIGTERM');
  await exited(child);

  const db = new Database(join(dataDir, 'host.sqlite'), { readonly: true });
  const stored = new Map((db.prepare('SELECT idempotency_key, id, credits FROM events').all() as { idempotency_key: string; id: string; credits: string }[]).map((r) => [r.idempotency_key, r]));
  for (const [key, { eventId, credits }] of acknowledged) {
    assert.equal(stored.get(key)?.id, eventId, `acknowledged event ${key} is stored`);
    assert.equal(stored.get(key)?.credits, credits);
  }
  const ledger = db.prepare('SELECT kind, credits FROM ledger').all() as { kind: string; credits: string }[];
  const charges = ledger.filter((r) => r.kind === 'charge');
  assert.equal(charges.length, stored.size, 'one charge per stored event');
  const fromLedger = ledger.reduce((a, r) => (r.kind === 'charge' ? a.minus(r.credits) : a.plus(r.credits)), new Decimal(0));
  assert.equal(balance.credits, toPlain(fromLedger));
  db.close();
});
