// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary directory and
// pg_ctl start on a free loopback port, as an unprivileged user (PostgreSQL refuses to run as
// root; `nobody` when we are root), no system service. Debian's server binaries
// (/usr/lib/postgresql/<version>/bin, package `postgresql`) are used.
//
//   node scripts/postgres.mjs start   prints `export CREDITKIT_TEST_POSTGRES_URL=… CREDITKIT_TEST_POSTGRES_DIR=…`
//   node scripts/postgres.mjs stop <dir>
//
// From Node: `const cluster = await startCluster(); …; await cluster.stop()`.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The newest Debian PostgreSQL server's bin directory, or undefined. */
export function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = () => userInfo().uid === 0;

/** The command line that runs a PostgreSQL binary as the unprivileged owner of the cluster. */
const asOwner = (bin, args) => (asRoot() ? ['runuser', ['-u', 'nobody', '--', bin, ...args]] : [bin, args]);

/** Runs a PostgreSQL binary as the owner of the cluster, waiting for it. */
function run(bin, args, { quiet = false } = {}) {
  const [command, full] = asOwner(bin, args);
  const result = spawnSync(command, full, { encoding: 'utf8' });
  if (result.status !== 0 && !quiet) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result;
}

/** Starts a cluster; `stop()` stops it and removes its directory. */
export async function startCluster({ port } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'creditkit-pg-'));
  chmodSync(dir, 0o700);
  if (asRoot()) {
    const { uid, gid } = nobodyIds();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { quiet: false });
  const chosen = port ?? (await freePort());
  const options = `-p ${chosen} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const url = `postgres://postgres@127.0.0.1:${chosen}/postgres`;
  return { url, dir, data, bin, port: chosen, stop: () => stopCluster(dir), restart: (mode = 'fast') => restartCluster(dir, mode), pgCtl: (...args) => run(join(bin, 'pg_ctl'), ['-D', data, ...args]) };
}

function nobodyIds() {
  const id = (flag) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Restarts the server without blocking the event loop (mode `immediate` is a crash: recovery from the WAL on start). */
export function restartCluster(dir, mode = 'fast') {
  const [command, args] = asOwner(join(findPostgresBin(), 'pg_ctl'), ['-D', join(dir, 'data'), '-m', mode, '-w', 'restart']);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart exited ${code}`))));
  });
}

export function stopCluster(dir) {
  const bin = findPostgresBin();
  if (bin && existsSync(join(dir, 'data'))) run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], { quiet: true });
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const cluster = await startCluster();
    console.log(`export CREDITKIT_TEST_POSTGRES_URL=${cluster.url} CREDITKIT_TEST_POSTGRES_DIR=${cluster.dir}`);
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    console.error('usage: node scripts/postgres.mjs start | stop <dir>');
    process.exit(2);
  }
}
