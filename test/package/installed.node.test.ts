// The package as users get it: `npm pack`, the tarball installed into a fresh project, then what a
// user does first. The CLI through `npx creditkit`, a strict TypeScript consumer (skipLibCheck
// off, moduleResolution bundler and nodenext) importing every entry point in package.json
// `exports`, the package imported in plain Node, and the source maps it ships.
//
// The install is real (npm extracts the tarball, links the bin, resolves creditkit's
// dependencies) but offline: creditkit's runtime dependencies are linked in from this project's
// node_modules first, so npm finds them satisfied and needs neither the registry nor its cache.
// TypeScript, React's types and the other dev tools resolve from this project (the consumer lives
// under node_modules/.cache). dist/ is built by `npm test` before the Node suite
// (CREDITKIT_DIST_BUILT=1); run alone, this file builds it first.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

const ROOT = process.cwd();
const run = promisify(execFile);
let project: string;
let installed: string;
const started = Date.now();
const timings: string[] = [];

function timed<T>(what: string, work: () => T): T {
  const t = Date.now();
  const result = work();
  timings.push(`${what} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

function sh(command: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(command, args, { cwd, input, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_offline: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The runtime dependencies of this package, transitively, from package-lock.json. */
function runtimeDependencies(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const seen = new Set<string>();
  const queue = Object.keys(pkg.dependencies);
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {}));
  }
  return [...seen];
}

/** Hard links (a copy across file systems): a dependency tree of 35 MB in well under a second. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

before(() => {
  if (process.env.CREDITKIT_DIST_BUILT !== '1') {
    const build = timed('build', () => sh('npm', ['run', '-s', 'build'], ROOT));
    assert.equal(build.code, 0, build.stdout + build.stderr);
  }
  project = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'creditkit-installed-'));
  const pack = timed('npm pack', () => sh('npm', ['pack', '--json', '--pack-destination', project], ROOT));
  assert.equal(pack.code, 0, pack.stderr);
  const tarball = join(project, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'creditkit-consumer', private: true, type: 'module' }));
  timed('link dependencies', () => {
    for (const name of runtimeDependencies()) linkTree(join(ROOT, 'node_modules', name), join(project, 'node_modules', name));
  });
  const install = timed('npm install <tarball>', () =>
    sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball], project),
  );
  assert.equal(install.code, 0, install.stdout + install.stderr);
  installed = join(project, 'node_modules', 'creditkit');
  assert.ok(!statSync(installed).isSymbolicLink(), 'creditkit is extracted from the tarball, not linked');
});

after((t) => {
  (t as unknown as { diagnostic?: (m: string) => void }).diagnostic?.(`${timings.join(', ')}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  if (project) rmSync(project, { recursive: true, force: true });
});

/** tsc --noEmit on `sources` in a consumer folder of its own with a strict tsconfig for `resolution`. */
async function typeCheck(resolution: 'bundler' | 'nodenext', sources: string): Promise<{ code: number; output: string; seconds: number }> {
  const dir = join(project, `consumer-${resolution}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'consumer.tsx'), sources);
  const compilerOptions = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: 'es2022',
    module: resolution === 'bundler' ? 'esnext' : 'nodenext',
    moduleResolution: resolution,
    resolveJsonModule: true,
    jsx: 'react-jsx',
    lib: ['es2023', 'dom', 'dom.iterable'],
    types: [],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.tsx'] }));
  const t = Date.now();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).then(
    () => ({ code: 0, output: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
  return { ...result, seconds: (Date.now() - t) / 1000 };
}

describe('creditkit as installed from its tarball', () => {
  it('the CLI runs through npx: `npx creditkit --help` lists the commands', () => {
    const help = timed('npx creditkit --help', () => sh('npx', ['creditkit', '--help'], project));
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^usage: creditkit <command>/);
    for (const command of ['check', 'rate', 'import', 'diff', 'check-host']) assert.match(help.stdout, new RegExp(`\\n {2}${command} `));
  });

  it('`npx creditkit rate` prices meinGPT\'s worked example from the installed catalog (stdin)', () => {
    const usage = JSON.stringify([{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }, { service: 'meingpt/tool-call', requests: 2 }]);
    const rate = sh('npx', ['creditkit', 'rate', 'node_modules/creditkit/catalog/meingpt.json', '-'], project, usage);
    assert.equal(rate.code, 0, rate.stderr);
    // meinGPT's page: 523 in + 1,247 out tokens of GPT-4o = 0.1569 + 1.4964 credits, and two tool calls at 0.5.
    assert.equal(JSON.parse(rate.stdout).credits, '2.6533');
  });

  it('imports in plain Node: every entry point that needs no DOM, and the JSON ones', async () => {
    const GREETING = 'Grüß Gott! How many credits is this?';
    const script = `
      import { parseCatalog, rate, countTokens } from 'creditkit';
      import * as core from 'creditkit/core';
      import * as sdk from 'creditkit/sdk';
      import * as tokenizer from 'creditkit/tokenizer';
      import meingpt from 'creditkit/catalog/meingpt.json' with { type: 'json' };
      import openapi from 'creditkit/openapi.json' with { type: 'json' };
      import manifest from 'creditkit/custom-elements.json' with { type: 'json' };
      import pkg from 'creditkit/package.json' with { type: 'json' };
      const catalog = parseCatalog(meingpt);
      const { credits } = rate(catalog, [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }]);
      const counted = await countTokens(${JSON.stringify(GREETING)}, { encoding: 'o200k_base' });
      console.log(JSON.stringify({ credits, tokens: counted.tokens, core: typeof core.rateMany, sdk: typeof sdk.createClient, tokenizer: typeof tokenizer.countTokens, openapi: openapi.openapi, elements: manifest.modules.length > 0, name: pkg.name }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    // meinGPT's page: 523 input + 1,247 output tokens of GPT-4o are 0.1569 + 1.4964 credits.
    assert.deepEqual(JSON.parse(stdout), { credits: '1.6533', tokens: new Tiktoken(o200k).encode(GREETING).length, core: 'function', sdk: 'function', tokenizer: 'function', openapi: '3.1.0', elements: true, name: 'creditkit' });
  });

  describe('a strict TypeScript consumer (skipLibCheck false) of every entry point in exports', () => {
    let sources: string;
    before(() => {
      const exportsMap = (JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
      const entries = Object.keys(exportsMap).filter((key) => !key.includes('*')); // ./catalog/*: the JSON catalog below
      assert.ok(entries.length >= 14, `every entry point: ${entries.join(', ')}`);
      const lines = entries.map((key, i) => {
        const specifier = key === '.' ? 'creditkit' : `creditkit/${key.slice(2)}`;
        const json = key.endsWith('.json') ? " with { type: 'json' }" : '';
        return `import * as entry${i} from '${specifier}'${json};\nvoid entry${i};`;
      });
      sources = `${lines.join('\n')}
import { parseCatalog, rate, type Catalog } from 'creditkit';
import { CreditPricingTable, CreditCalculator, CreditChatCost, CreditServiceSelectEvent, CreditCatalogChangeEvent, CreditErrorEvent } from 'creditkit/elements';
import { PricingTable, Calculator, ChatCost } from 'creditkit/react';
import { loadElement } from 'creditkit/creditkit.js';
import gptbots from 'creditkit/catalog/gptbots.json' with { type: 'json' };

const catalog: Catalog = parseCatalog(gptbots);
export const credits: string = rate(catalog, [{ service: 'openai/gpt-4.1-1m', inputTokens: 1000 }]).credits;

// The JSON catalog as it is imported (schemaVersion: number …) into every element's catalog property.
const table: CreditPricingTable = document.createElement('credit-pricing-table');
table.catalog = gptbots;
table.previous = gptbots;
const calculator: CreditCalculator = document.createElement('credit-calculator');
calculator.catalog = gptbots;
const chatCost: CreditChatCost = document.createElement('credit-chat-cost');
chatCost.catalog = gptbots;
table.addEventListener('credit-service-select', (e) => {
  const event: CreditServiceSelectEvent = e;
  console.log(event.detail.serviceId, event.detail.keyMode);
});
table.addEventListener('credit-catalog-change', (e: CreditCatalogChangeEvent) => console.log(e.detail.diff.repriced.length));
table.addEventListener('credit-error', (e: CreditErrorEvent) => console.log(e.detail.error.message));
export const ready: Promise<void> = loadElement('credit-calculator');

export const view = (
  <>
    <PricingTable catalog={gptbots} keyMode="own" onServiceSelect={(e) => console.log(e.detail.serviceId)} onError={(e) => console.log(e.detail.error.message)} />
    <Calculator catalog={gptbots} />
    <ChatCost catalog={gptbots} usage={{ service: 'openai/gpt-4o-128k', inputTokens: 523, outputTokens: 1247 }} />
  </>
);
`;
    });

    // Both checks at once (a tsc each, one per core): they are most of this file's time.
    const RESOLUTIONS = ['bundler', 'nodenext'] as const;
    const checks = new Map<string, Promise<{ code: number; output: string; seconds: number }>>();
    before(() => {
      for (const resolution of RESOLUTIONS) checks.set(resolution, typeCheck(resolution, sources));
    });

    for (const resolution of RESOLUTIONS) {
      it(`type-checks with module resolution ${resolution}`, async () => {
        const result = await checks.get(resolution)!;
        timings.push(`tsc ${resolution} ${result.seconds.toFixed(1)} s`);
        assert.equal(result.output, '');
        assert.equal(result.code, 0);
      });
    }
  });

  it('ships source maps that resolve without src/: every source embedded or in the package, and no rank table in any map', () => {
    const maps: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.map')) maps.push(path);
      }
    };
    walk(installed);
    assert.ok(maps.length > 50, `${maps.length} maps`);
    const problems: string[] = [];
    for (const path of maps) {
      const where = relative(installed, path);
      const map = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      map.sources.forEach((source, i) => {
        const file = resolve(dirname(path), source);
        const shipped = file.startsWith(installed + '/') && existsSync(file);
        if (typeof map.sourcesContent?.[i] !== 'string' && !shipped) problems.push(`${where}: ${source} is neither embedded nor shipped`);
        if (/js-tiktoken[\\/](dist[\\/])?ranks[\\/]/.test(source)) problems.push(`${where}: maps the rank table ${source}`);
      });
      if (statSync(path).size > 1024 * 1024) problems.push(`${where}: ${statSync(path).size} bytes`);
    }
    // Every sourceMappingURL names a map that is there.
    for (const path of maps) {
      const js = path.slice(0, -'.map'.length);
      if (existsSync(js)) assert.match(readFileSync(js, 'utf8'), /\/\/# sourceMappingURL=\S+\.map\s*$/, relative(installed, js));
    }
    assert.deepEqual(problems, []);
  });
});
