// `npm test`: the build, the browser suite (Web Test Runner + Playwright + Chromium), the Node suite
// (*.node.test.ts: CLI, reference host over loopback, the packed tarball installed), the package
// checks, then one summary line.
// `npm test -- --files test/core [test/sdk …]` limits both suites to paths containing any of those texts.
// The reference host's tests run on SQLite and on PostgreSQL: on the server of
// CREDITKIT_TEST_POSTGRES_URL, else on a throwaway cluster started here when Debian's PostgreSQL
// server is installed (scripts/postgres.mjs); without either, PostgreSQL is skipped (and said so).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPostgresBin, startCluster } from './postgres.mjs';

const args = process.argv.slice(2);
const filterIndex = args.indexOf('--files');
// Every argument after --files up to the next option is a filter (`--files test/core test/sdk`).
const filters = filterIndex >= 0 ? args.slice(filterIndex + 1).filter((_, i, rest) => !rest.slice(0, i + 1).some((a) => a.startsWith('--'))) : [];
const filter = filters.length ? filters.join(' ') : undefined;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const allTests = walk('test').filter((f) => f.endsWith('.test.ts'));
const selected = (pred) => allTests.filter(pred).filter((f) => !filters.length || filters.some((text) => f.includes(text)));
const browserFiles = selected((f) => !f.endsWith('.node.test.ts') && !f.startsWith('test/e2e'));
const nodeFiles = selected((f) => f.endsWith('.node.test.ts'));

const hostBrowserFiles = browserFiles.filter((f) => f.startsWith('test/elements/host/'));
let cluster;
if (!process.env.CREDITKIT_TEST_POSTGRES_URL && (nodeFiles.length || hostBrowserFiles.length) && findPostgresBin()) {
  cluster = await startCluster();
  process.env.CREDITKIT_TEST_POSTGRES_URL = cluster.url;
  console.log(`# PostgreSQL for the host tests: a throwaway cluster at ${cluster.url}`);
}
const stopCluster = () => cluster?.stop();
process.once('exit', stopCluster);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
if (!process.env.CREDITKIT_TEST_POSTGRES_URL) console.log('# PostgreSQL: not installed and CREDITKIT_TEST_POSTGRES_URL not set; the host tests run on SQLite only');

mkdirSync('node_modules/.cache', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
function add(file) {
  if (!existsSync(file)) return false;
  const t = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += t.passed;
  totals.failed += t.failed;
  totals.skipped += t.skipped;
  return true;
}

let ok = true;
// The build comes first, so that the package tests (test/package: the tarball installed into a
// fresh project) and the checks after the suites use this dist/ and need not build it again.
const packageChecks = !filters.length || filters.some((text) => text.includes('package'));
let built = false;
if (packageChecks) {
  console.log('\n## package: build');
  const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  built = build.status === 0;
  if (built) totals.passed++;
  else {
    totals.failed++;
    ok = false;
    console.log(`✖ package: build failed (exit ${build.status})`);
  }
}
if (browserFiles.length) {
  const wtrReport = `node_modules/.cache/creditkit-wtr-${process.pid}.json`;
  rmSync(wtrReport, { force: true });
  const wtr = spawnSync(
    'npx',
    ['wtr', '--config', 'web-test-runner.config.mjs', ...(filter ? ['--files', ...browserFiles] : [])],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', CREDITKIT_WTR_REPORT: wtrReport } },
  );
  if (!add(wtrReport)) totals.failed++;
  ok &&= wtr.status === 0;
}
// The SDK-and-elements-against-the-host browser tests once more, on PostgreSQL.
if (hostBrowserFiles.length && process.env.CREDITKIT_TEST_POSTGRES_URL) {
  console.log('\n## browser tests against the reference host on PostgreSQL');
  const wtrReport = `node_modules/.cache/creditkit-wtr-pg-${process.pid}.json`;
  rmSync(wtrReport, { force: true });
  const wtr = spawnSync('npx', ['wtr', '--config', 'web-test-runner.config.mjs', '--files', ...hostBrowserFiles], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', CREDITKIT_WTR_REPORT: wtrReport, CREDITKIT_WTR_ENGINE: 'postgres' },
  });
  if (!add(wtrReport)) totals.failed++;
  ok &&= wtr.status === 0;
}
if (nodeFiles.length) {
  // Per-run report files, so that two runs at once do not mix their counts.
  const report = `node_modules/.cache/creditkit-node-${process.pid}.json`;
  rmSync(report, { force: true });
  const node = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-counting-reporter.mjs', `--test-reporter-destination=${report}`,
      ...nodeFiles,
    ],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...(built && { CREDITKIT_DIST_BUILT: '1' }) } },
  );
  if (!add(report)) totals.failed++;
  ok &&= node.status === 0;
}
// Package checks, as a consumer installs it: publint, are-the-types-wrong, size budgets, and the
// strict typecheck of everything the project compiles (tests run through esbuild, which strips
// types without checking them). Each counts as one test. Skipped when the run is filtered to some files.
if (packageChecks) {
  const checks = [
    ['publint', 'npx', ['publint', '--strict']],
    ['are-the-types-wrong', 'npx', ['attw', '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']],
    ['size budgets', process.execPath, ['scripts/size.mjs']],
    ['README element reference matches custom-elements.json', process.execPath, ['scripts/readme-elements.mjs', '--check']],
    ['strict typecheck (src, test, demo, bench, scripts)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ];
  for (const [name, command, commandArgs] of checks) {
    if (!built) {
      console.log(`✖ package: ${name} (not run: the build failed)`);
      totals.failed++;
      continue;
    }
    console.log(`\n## package: ${name}`);
    const run = spawnSync(command, commandArgs, { stdio: 'inherit' });
    if (run.status === 0) totals.passed++;
    else {
      totals.failed++;
      ok = false;
      console.log(`✖ package: ${name} failed (exit ${run.status})`);
    }
  }
}

const line = `${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : '');
stopCluster();
writeFileSync('.test-summary', line + '\n');
console.log(line);
process.exit(ok && totals.failed === 0 ? 0 : 1);
