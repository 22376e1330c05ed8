// The real entry point in its own process: exit codes reach the shell, stdin works, a LiteLLM
// price file is recognised by its name, and the bin runs under whatever name npm links it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCatalog } from '../../src/core/index.js';
import { at, PROJECT, runCli } from './run-cli.js';

function creditkit(args: string[], input?: string, bin = at('src/cli/bin.ts')) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: PROJECT, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const COMMAND_LIST = /usage: creditkit <command>[^]*\n {2}check +validate a catalog[^]*\n {2}check-host /;

describe('creditkit (process)', () => {
  it('runs when started through a link named `creditkit`, as npm installs the bin (node_modules/.bin/creditkit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditkit-bin-'));
    try {
      symlinkSync(at('src/cli/bin.ts'), join(dir, 'creditkit'));
      const help = creditkit(['--help'], undefined, join(dir, 'creditkit'));
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, COMMAND_LIST);
      const check = creditkit(['check', 'catalog/gptbots.json'], undefined, join(dir, 'creditkit'));
      assert.equal(check.code, 0, check.stderr);
      assert.notEqual(check.stdout + check.stderr, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 0 for a good catalog, 1 for a bad one, 2 for an unknown command', () => {
    assert.equal(creditkit(['check', 'catalog/gptbots.json']).code, 0);
    const bad = creditkit(['check', 'package.json']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /error {2}schemaVersion: expected 1, got nothing/);
    assert.equal(creditkit(['frobnicate']).code, 2);
  });

  it('rates usage read from standard input', () => {
    const r = creditkit(['rate', 'catalog/meingpt.json', '-'], JSON.stringify([{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }, { service: 'meingpt/tool-call', requests: 2 }]));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).credits, '2.6533');
  });

  it("imports LiteLLM's price file, recognised by its .json name, at --credit-value 0.01", () => {
    const r = creditkit(['import', 'test/fixtures/import/litellm-sample.json', '--credit-value', '0.01', '--provider', 'openai', '--mode', 'chat', '--mode', 'embedding']);
    assert.equal(r.code, 0, r.stderr);
    const catalog = parseCatalog(r.stdout);
    assert.deepEqual(catalog.services.map((s) => [s.id, s.prices.platform]), [
      ['openai/gpt-4o', { input: '0.25', output: '1', cachedInput: '0.125' }],
      // input_cost_per_audio_token 0.0001 USD × 1,000 ÷ 0.01 = 10 credits per 1K audio tokens.
      ['openai/gpt-4o-audio-preview', { input: '0.25', output: '1', inputAudio: '10' }],
      ['openai/text-embedding-3-small', { input: '0.002' }],
    ]);
    assert.match(r.stderr, /\["gpt-4o-search-preview"\]: left out: a chat model without output_cost_per_token/);
    const inexact = creditkit(['import', 'test/fixtures/import/litellm-sample.json', '--credit-value', '0.03']);
    assert.equal(inexact.code, 1);
    assert.match(inexact.stderr, /\["gpt-4o"\]: input_cost_per_token: 0\.0000025 USD × 1000 is no exact number of credits at 0\.03 USD per credit/);
  });
});

describe('creditkit <command>', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`"${name}" (an Object.prototype name) is an unknown command, answered with the list of commands`, async () => {
      const r = await runCli(name);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^creditkit: unknown command "${name}"\\n\\n`));
      assert.match(r.stderr, COMMAND_LIST);
      assert.doesNotMatch(r.stderr, /Cannot find module|ERR_MODULE_NOT_FOUND/);
    });
  }
});
