// `creditkit rate`: the charge as JSON for one record or an array; bad usage named by its path, exit 1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, readJson, runCli, tempFile } from './run-cli.js';

// meinGPT's worked chat (003): GPT-4o, 523 input + 1,247 output tokens, 2 tool calls.
// 523 × 3.00 / 1M € = 0.1569 credits, 1,247 × 12.00 / 1M € = 1.4964, 2 × 0.5 = 1 → 2.6533.
const CHAT = [
  { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
  { service: 'meingpt/tool-call', requests: 2 },
];

describe('creditkit rate', () => {
  it("prices meinGPT's chat at exactly 2.6533 credits (0.1569 + 1.4964 + 1)", async () => {
    const r = await runCli('rate', at('catalog/meingpt.json'), tempFile(CHAT));
    assert.equal(r.code, 0, r.stderr);
    const charge = JSON.parse(r.stdout);
    assert.equal(charge.credits, '2.6533');
    assert.deepEqual(charge.lines.map((l: { kind: string; credits: string }) => [l.kind, l.credits]), [
      ['inputTokens', '0.1569'],
      ['outputTokens', '1.4964'],
      ['requests', '1'],
    ]);
    assert.deepEqual(charge.money, { amount: '0.026533', currency: 'EUR' });
    assert.equal(charge.catalogVersion, readJson('catalog/meingpt.json').version);
  });

  it('--display 2 adds lines that add up to the shown total: 0.16 + 1.49 + 1.00 = 2.65', async () => {
    const r = await runCli('rate', '--display', '2', at('catalog/meingpt.json'), tempFile(CHAT));
    assert.deepEqual(JSON.parse(r.stdout).display, { lines: ['0.16', '1.49', '1.00'], total: '2.65' });
  });

  it('takes a single record too: 1,000 input tokens of GPT-4.1-1M are 0.22 credits ($0.0022)', async () => {
    const r = await runCli('rate', at('catalog/gptbots.json'), tempFile({ service: 'openai/gpt-4.1-1m', inputTokens: 1000 }));
    assert.equal(r.code, 0, r.stderr);
    const charge = JSON.parse(r.stdout);
    assert.equal(charge.credits, '0.22');
    assert.deepEqual(charge.money, { amount: '0.0022', currency: 'USD' });
  });

  it('charges the own-key cap, not the listed price', async () => {
    // GPT-4o-128k own key lists 0.0225 / 1K input; the cap is 0.01.
    const r = await runCli('rate', at('catalog/gptbots.json'), tempFile({ service: 'openai/gpt-4o-128k', keyMode: 'own', inputTokens: 1000 }));
    assert.equal(JSON.parse(r.stdout).credits, '0.01');
  });

  it('reports an unknown service with the nearest ids, a service not offered, and bad quantities, exit 1', async () => {
    const unknown = await runCli('rate', at('catalog/gptbots.json'), tempFile({ service: 'openai/gpt-4.2', inputTokens: 1 }));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown service "openai\/gpt-4\.2"; did you mean/);
    const notOffered = await runCli('rate', at('catalog/gptbots.json'), tempFile({ service: 'google/gemma-3-27b', inputTokens: 1 }));
    assert.equal(notOffered.code, 1);
    assert.match(notOffered.stderr, /google\/gemma-3-27b is not offered with key mode "platform"/);
    const negative = await runCli('rate', at('catalog/gptbots.json'), tempFile([{ service: 'openai/tts', characters: 10 }, { service: 'openai/gpt-4o-128k', inputTokens: -5 }]));
    assert.equal(negative.code, 1);
    assert.match(negative.stderr, /invalid usage\n {2}records\[1\]\.inputTokens: /);
  });

  it('reports unreadable input and bad arguments', async () => {
    const notJson = await runCli('rate', at('catalog/gptbots.json'), tempFile('[{"service":', '.json'));
    assert.equal(notJson.code, 1);
    assert.match(notJson.stderr, /not valid JSON/);
    const missing = await runCli('rate', at('catalog/gptbots.json'), '/nonexistent/usage.json');
    assert.match(missing.stderr, /cannot read: no such file/);
    assert.equal((await runCli('rate', at('catalog/gptbots.json'))).code, 2);
    assert.equal((await runCli('rate', '--display', 'two', at('catalog/gptbots.json'), tempFile(CHAT))).code, 2);
  });
});
