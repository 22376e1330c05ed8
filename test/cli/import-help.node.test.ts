// `creditkit import --help` tells how a pasted table must look, and what it says is what the
// importer does: a table written from the help alone (its heading, header row and column order)
// imports into the prices it holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCatalog } from '../../src/core/index.js';
import { SECTION_KEYS } from '../../src/core/catalog/import/index.js';
import { sectionOfHeading } from '../../src/core/catalog/import/sections.js';
import { runCli, tempFile } from './run-cli.js';

describe('creditkit import --help', () => {
  it('names the column order of every section and what a header row may look like', async () => {
    const r = await runCli('import', '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\n {4}llm +brand, model, platform\.input, platform\.output, own\.input, own\.output\n/);
    for (const key of SECTION_KEYS) assert.match(r.stdout, new RegExp(`\\n {4}${key} +brand, model, platform\\.\\w+`), key);
    assert.match(r.stdout, /Header rows are skipped: any line whose last cells are not prices/);
    assert.match(r.stdout, /\n {4}Brand<TAB>Model<TAB>Input \(GPTBots Key\)/);
  });

  it('every heading it lists opens its section', async () => {
    const { stdout } = await runCli('import', '--help');
    const headings = [...stdout.split('Sections:')[1]!.split('\n')[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    assert.deepEqual(headings.map(sectionOfHeading), SECTION_KEYS);
  });

  it('a TSV written as the help describes (heading, its header row, default columns) imports with those prices', async () => {
    const { stdout } = await runCli('import', '--help');
    const header = /\n {4}(Brand<TAB>Model<TAB>[^\n]+)/.exec(stdout)![1]!.replaceAll('<TAB>', '\t');
    const table = ['LLM Service Pricing', header, ['OpenAI', 'GPT-4o-128k', '0.225', '1.1', '0,0225', '-'].join('\t')].join('\n');
    const r = await runCli('import', tempFile(table, '.tsv'), '--id', 'acme', '--name', 'Acme', '--currency', 'USD', '--credit-value', '0.01', '--version', '1');
    assert.equal(r.code, 0, r.stderr);
    const [service] = parseCatalog(r.stdout).services;
    assert.equal(service!.id, 'openai/gpt-4o-128k');
    assert.deepEqual(service!.prices, { platform: { input: '0.225', output: '1.1' }, own: { input: '0.0225', output: null } });
  });
});
