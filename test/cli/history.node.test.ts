// `creditkit history`: the older and the current GPTBots list in one catalog, the current prices
// from 2026-11-23; `creditkit rate` prices each record at its `at`; `creditkit diff` compares the
// merged catalog with itself at two dates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, runCli, tempFile } from './run-cli.js';

const previous = at('catalog/gptbots-previous.json');
const current = at('catalog/gptbots.json');

async function merged(): Promise<string> {
  const out = tempFile('');
  const r = await runCli('history', previous, current, '--from', '2026-11-23', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /7 repriced, 31 removed, 54 added, 7 renamed/);
  return out;
}

describe('creditkit history', () => {
  it('Claude-4.5-Haiku-200k, 10,000 in + 1,000 out: 1.65 credits on the 22nd, 4.95 on the 23rd', async () => {
    const catalog = await merged();
    const record = { service: 'anthropic/claude-4.5-haiku-200k', keyMode: 'platform', inputTokens: 10_000, outputTokens: 1_000 };
    // Older list: 10 × 0.11 + 1 × 0.55 = 1.65. Current: 10 × 0.33 + 1 × 1.65 = 4.95.
    for (const [when, credits] of [['2026-11-22T12:00:00Z', '1.65'], ['2026-11-23T12:00:00Z', '4.95']]) {
      const r = await runCli('rate', catalog, tempFile({ ...record, at: when }));
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).credits, credits, when);
    }
    const check = await runCli('check', catalog);
    assert.equal(check.code, 0, check.stderr);
  });

  it('diff of the merged catalog with itself at two dates lists what the change of the 23rd did', async () => {
    const r = await runCli('diff', '--json', await merged(), '--old-at', '2026-11-22', '--new-at', '2026-11-23');
    assert.equal(r.code, 0, r.stderr);
    const diff = JSON.parse(r.stdout);
    const haiku = diff.repriced.find((s: { id: string }) => s.id === 'anthropic/claude-4.5-haiku-200k');
    assert.deepEqual(haiku.changes[0], { keyMode: 'platform', key: 'input', from: '0.11', to: '0.33', percent: '200' });
    // Renamed services carry their history under the new id: 7 repriced + the 2 renamed with new prices.
    assert.deepEqual([diff.added.length, diff.removed.length, diff.repriced.length], [54, 31, 9]);
    const same = await runCli('diff', await merged(), '--old-at', '2026-11-23', '--new-at', '2026-12-01', '--exit-code');
    assert.equal(same.code, 0, same.stdout);
    assert.match(same.stdout, /at 2026-11-23 → gptbots 2026-11-23\.1 at 2026-12-01\nno changes/);
  });

  it('refuses a --from that is not a date, and a missing --from, naming them', async () => {
    const bad = await runCli('history', previous, current, '--from', '23.11.2026');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /from: expected an instant such as 2026-11-23 or 2026-11-23T12:00:00Z, got "23\.11\.2026"/);
    const missing = await runCli('history', previous, current);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--from <YYYY-MM-DD>/);
    const diffBad = await runCli('diff', current, '--old-at', 'yesterday', '--new-at', '2026-11-23');
    assert.equal(diffBad.code, 2);
    assert.match(diffBad.stderr, /--old-at: expected an instant/);
  });
});
