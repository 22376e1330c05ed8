// `creditkit diff` of the previous (German, older) and the current GPTBots list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, readJson, runCli, tempFile } from './run-cli.js';

const previous = at('catalog/gptbots-previous.json');
const current = at('catalog/gptbots.json');

describe('creditkit diff', () => {
  it('lists GPT-5.2 and Claude-4.6-Opus as added and Claude-4.5-Haiku as repriced by +200% (--json)', async () => {
    const r = await runCli('diff', '--json', previous, current);
    assert.equal(r.code, 0, r.stderr);
    const diff = JSON.parse(r.stdout);
    assert.deepEqual([diff.from, diff.to], [{ id: 'gptbots', version: '2026-11-22.1' }, { id: 'gptbots', version: readJson('catalog/gptbots.json').version }]);
    const added = diff.added.map((s: { id: string }) => s.id);
    for (const id of ['openai/gpt-5.2-400k', 'openai/gpt-5.2-thinking-400k', 'openai/gpt-5.2-chat-128k', 'azure/gpt-5.2-400k', 'azure/gpt-5.2-chat-128k',
      'anthropic/claude-4.6-opus-200k', 'anthropic/claude-4.6-opus-thinking-200k']) assert.ok(added.includes(id), id);
    const haiku = diff.repriced.find((s: { id: string }) => s.id === 'anthropic/claude-4.5-haiku-200k');
    assert.deepEqual(haiku.changes, [
      { keyMode: 'platform', key: 'input', from: '0.11', to: '0.33', percent: '200' },
      { keyMode: 'platform', key: 'output', from: '0.55', to: '1.65', percent: '200' },
      { keyMode: 'own', key: 'input', from: '0.01', to: '0.03', percent: '200' },
      { keyMode: 'own', key: 'output', from: '0.05', to: '0.15', percent: '200' },
    ]);
    // Unchanged prices are not listed: Claude-4.5-Opus and Sonnet kept theirs.
    assert.ok(!diff.repriced.some((s: { id: string }) => s.id === 'anthropic/claude-4.5-opus-200k' || s.id === 'anthropic/claude-4.5-sonnet-200k'));
    assert.ok(diff.removed.some((s: { id: string }) => s.id === 'openai/gpt-5.1-400k'));
    assert.deepEqual([diff.added.length, diff.removed.length, diff.repriced.length], [61, 38, 7]);
  });

  it('pairs the models the new list renamed, with what their rename changed (--json)', async () => {
    const diff = JSON.parse((await runCli('diff', '--json', previous, current)).stdout);
    // Worked from the two lists: "GPT-o4-mini 0,121 0,484 0,011 0,044" → "GPT-o4-mini-200k 0.121 0.484 0.01 0.044";
    // "Gemini-3.0-Pro 0,44 1,98 0,04 0,18" → "Gemini-3.0-Pro-1M 0.44 1.98 0.01 0.10"; Moonshot-8k/32k/128k → Moonshot-v1-…
    assert.deepEqual(diff.likelyRenamed, [
      { from: 'openai/gpt-5.0-chat-400k', to: 'openai/gpt-5.0-chat-128k', changes: [] },
      { from: 'openai/gpt-o4-mini', to: 'openai/gpt-o4-mini-200k', changes: [{ keyMode: 'own', key: 'input', from: '0.011', to: '0.01', percent: '-9.09' }] },
      { from: 'google/gemini-3.0-pro', to: 'google/gemini-3.0-pro-1m', changes: [
        { keyMode: 'own', key: 'input', from: '0.04', to: '0.01', percent: '-75' },
        { keyMode: 'own', key: 'output', from: '0.18', to: '0.10', percent: '-44.44' },
      ] },
      { from: 'zhipu/glm-4v-plus-8k', to: 'zhipu/glm-4v-plus-16k', changes: [] },
      { from: 'moonshot/moonshot-128k', to: 'moonshot/moonshot-v1-128k', changes: [] },
      { from: 'moonshot/moonshot-32k', to: 'moonshot/moonshot-v1-32k', changes: [] },
      { from: 'moonshot/moonshot-8k', to: 'moonshot/moonshot-v1-8k', changes: [] },
    ]);
    // A hint beside the exact diff: the renamed ones stay listed as removed and added.
    assert.ok(diff.removed.some((s: { id: string }) => s.id === 'openai/gpt-o4-mini') && diff.added.some((s: { id: string }) => s.id === 'openai/gpt-o4-mini-200k'));
  });

  it('prints the same in words, with signed percentages', async () => {
    const r = await runCli('diff', previous, current);
    assert.ok(r.stdout.startsWith(`gptbots 2026-11-22.1 → gptbots ${readJson('catalog/gptbots.json').version}\n`));
    assert.match(r.stdout, /^ {2}\+ anthropic\/claude-4\.6-opus-200k {2}platform input 0\.55, output 2\.75 · own input 0\.05, output 0\.25$/m);
    assert.match(r.stdout, /^ {2}~ anthropic\/claude-4\.5-haiku-200k\n {6}platform input 0\.11 → 0\.33 \(\+200%\)$/m);
    assert.match(r.stdout, /own input 0\.5029 → 0\.0114 \(-97\.73%\)/); // GLM-4.5-X-128K, whose old columns look swapped
    assert.match(r.stdout, /^Likely renamed, removed → added \(7\):\n {2}> openai\/gpt-5\.0-chat-400k → openai\/gpt-5\.0-chat-128k {2}same prices\n {2}> openai\/gpt-o4-mini → openai\/gpt-o4-mini-200k\n {6}own input 0\.011 → 0\.01 \(-9\.09%\)$/m);
    assert.match(r.stdout, /^61 added, 38 removed, 7 repriced; 7 of the removed likely renamed$/m);
  });

  it('shows a price that stops being offered, and "no changes" for equal catalogs', async () => {
    const edited = readJson('catalog/gptbots.json');
    edited.services[0].prices.platform.input = null;
    edited.version = '2026-11-24.1';
    const r = await runCli('diff', current, tempFile(edited));
    assert.match(r.stdout, /~ openai\/gpt-5\.2-400k\n {6}platform input 0\.1925 → not offered\n/);
    const same = await runCli('diff', '--exit-code', current, current);
    assert.equal(same.code, 0);
    assert.match(same.stdout, /no changes/);
    assert.equal((await runCli('diff', '--exit-code', previous, current)).code, 1);
  });

  it('lists the changes of generated images by variant, of service tiers and of long-context tiers, in JSON and in words', async () => {
    const before = readJson('catalog/gptbots.json');
    const after = readJson('catalog/gptbots.json');
    after.version = '2026-11-24.1';
    const [b, a] = [before.services[0], after.services[0]];
    // Images: 1024x1024/high repriced 4 → 5 (+25 %), 1536x1024/high newly offered, 1024x1024/low withdrawn.
    b.prices.platform.generatedImages = { '1024x1024/high': '4', '1024x1024/low': '1' };
    a.prices.platform.generatedImages = { '1024x1024/high': '5', '1536x1024/high': '7.5' };
    // The batch tier halves the input price of 0.1925 → 0.09625, then becomes 0.08; above 200K tokens the input doubles, then is 0.5.
    b.serviceTiers = { batch: { prices: { platform: { input: '0.09625', output: '0.77' } } } };
    a.serviceTiers = { batch: { prices: { platform: { input: '0.08', output: '0.77' } } } };
    b.tiers = [{ above: 200000, prices: { platform: { input: '0.385', output: '3.08' } } }];
    a.tiers = [{ above: 200000, prices: { platform: { input: '0.5', output: '3.08' } } }];
    const files = [tempFile(before), tempFile(after)] as const;
    const json = JSON.parse((await runCli('diff', '--json', ...files)).stdout);
    assert.deepEqual(json.repriced, [{ id: b.id, changes: [
      { keyMode: 'platform', key: 'generatedImages', variant: '1024x1024/high', from: '4', to: '5', percent: '25' },
      { keyMode: 'platform', key: 'generatedImages', variant: '1024x1024/low', from: '1', to: null, toAbsent: true },
      { keyMode: 'platform', key: 'generatedImages', variant: '1536x1024/high', from: null, to: '7.5', fromAbsent: true },
      { keyMode: 'platform', key: 'input', above: 200000, from: '0.385', to: '0.5', percent: '29.87' },
      { keyMode: 'platform', key: 'input', serviceTier: 'batch', from: '0.09625', to: '0.08', percent: '-16.88' },
    ] }]);
    const text = (await runCli('diff', ...files)).stdout;
    assert.match(text, /^ {6}platform image 1024x1024\/high 4 → 5 \(\+25%\)$/m);
    assert.match(text, /^ {6}platform input above 200000 tokens 0\.385 → 0\.5 \(\+29\.87%\)$/m);
    assert.match(text, /^ {6}platform batch input 0\.09625 → 0\.08 \(-16\.88%\)$/m);
    assert.match(text, /^0 added, 0 removed, 1 repriced$/m);
  });

  it('refuses an invalid catalog with its path', async () => {
    const broken = readJson('catalog/gptbots.json');
    broken.services[3].unit = 'tokens-1b';
    const r = await runCli('diff', current, tempFile(broken));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /services\[3\]\.unit: /);
  });
});
