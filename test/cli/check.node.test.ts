// `creditkit check`: parse errors with their JSON paths (exit 1), lint warnings (exit 0), --json, --strict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, readJson, runCli, tempFile } from './run-cli.js';

describe('creditkit check', () => {
  it('accepts catalog/gptbots.json and lists its 37 rows above the own-key cap as warnings (exit 0)', async () => {
    const r = await runCli('check', at('catalog/gptbots.json'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /gptbots [\d.-]+, 118 services, \d+ warnings/);
    const capped = new Set(r.stdout.split('\n').filter((l) => l.includes('[above-cap]')).map((l) => /services\[(\d+)\]/.exec(l)![1]));
    assert.equal(capped.size, 37);
  });

  it('flags the swapped-looking GLM-4.5 block of the previous list without failing', async () => {
    const r = await runCli('check', at('catalog/gptbots-previous.json'));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /zhipu\/glm-4\.5-128k platform output 0\.0029 is under a tenth of input 0\.0314: columns swapped\? \[output-below-tenth-of-input\]/);
    assert.match(r.stdout, /zhipu\/glm-4\.5-x-128k own-key input 0\.5029 is above the platform-key 0\.1257 \[own-above-platform\]/);
    assert.match(r.stdout, /zhipu\/glm-4\.5-air-128k/);
    // 53 own-key prices listed above the cap; a cache read that only borrows the input price is not
    // warned about a second time (it was, as 36 more above-cap warnings, before cache writes and
    // reasoning borrowed prices too).
    assert.match(r.stdout, /95 services, 65 warnings \(above-cap 53, output-below-tenth-of-input 6, own-above-platform 6\)\n$/);
  });

  it('prints every parse error with its JSON path and exits 1', async () => {
    const catalog = readJson('catalog/meingpt.json');
    catalog.services[0].prices.platform.input = -0.5;
    catalog.services[2].model = '';
    const r = await runCli('check', tempFile(catalog));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2 errors/);
    assert.match(r.stderr, /services\[0\]\.prices\.platform\.input: expected a decimal string or null \(not offered\), got -0\.5/);
    assert.match(r.stderr, /services\[2\]\.model: must not be empty/);
  });

  it('--json gives ok, errors and warnings', async () => {
    const good = JSON.parse((await runCli('check', '--json', at('catalog/gptbots-previous.json'))).stdout);
    assert.equal(good.ok, true);
    assert.deepEqual(good.catalog, { id: 'gptbots', version: '2026-11-22.1', services: 95 });
    assert.ok(good.warnings.some((w: { rule: string; subject: string }) => w.rule === 'output-below-tenth-of-input' && w.subject === 'zhipu/glm-4.5-128k'));
    const catalog = readJson('catalog/meingpt.json');
    catalog.creditUnit.currency = 'eur';
    const bad = await runCli('check', '--json', tempFile(catalog));
    assert.equal(bad.code, 1);
    assert.deepEqual(JSON.parse(bad.stdout).errors, [{ path: 'creditUnit.currency', message: 'expected an ISO 4217 currency code, got "eur"' }]);
  });

  it('--strict fails on warnings', async () => {
    assert.equal((await runCli('check', '--strict', at('catalog/gptbots.json'))).code, 1);
  });

  it('reports a missing file, a file that is not JSON, and bad arguments', async () => {
    const missing = await runCli('check', '/nonexistent/catalog.json');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /\(root\): cannot read \/nonexistent\/catalog\.json: no such file/);
    const notJson = await runCli('check', tempFile('{"schemaVersion": 1,', '.json'));
    assert.equal(notJson.code, 1);
    assert.match(notJson.stderr, /\(root\): not valid JSON/);
    assert.equal((await runCli('check')).code, 2);
    assert.equal((await runCli('check', '--colour', at('catalog/gptbots.json'))).code, 2);
  });
});
