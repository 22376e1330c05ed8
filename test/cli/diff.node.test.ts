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

  it('prints the same in words, with signed percentages', async () => {
    const r = await runCli('diff', previous, current);
    assert.ok(r.stdout.startsWith(`gptbots 2026-11-22.1 → gptbots ${readJson('catalog/gptbots.json').version}\n`));
    assert.match(r.stdout, /^ {2}\+ anthropic\/claude-4\.6-opus-200k {2}platform input 0\.55, output 2\.75 · own input 0\.05, output 0\.25$/m);
    assert.match(r.stdout, /^ {2}~ anthropic\/claude-4\.5-haiku-200k\n {6}platform input 0\.11 → 0\.33 \(\+200%\)$/m);
    assert.match(r.stdout, /own input 0\.5029 → 0\.0114 \(-97\.73%\)/); // GLM-4.5-X-128K, whose old columns look swapped
    assert.match(r.stdout, /^61 added, 38 removed, 7 repriced$/m);
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

  it('refuses an invalid catalog with its path', async () => {
    const broken = readJson('catalog/gptbots.json');
    broken.services[3].unit = 'tokens-1b';
    const r = await runCli('diff', current, tempFile(broken));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /services\[3\]\.unit: /);
  });
});
