// `creditkit host`: starts the reference host (creditkit/host) as a platform runs it. Options
// come from flags or the environment (flags win); see src/host/README.md.
import { readFileSync } from 'node:fs';
import { startHost, type HostOptions } from '../../host/index.js';
import { parseOptions } from './check.js';

const USAGE = [
  'usage: creditkit host [--database <file | postgres://…>] [--port <n>] [--host <address>] [--catalog <file>]… [options]',
  '  --database        a SQLite file, or a postgres:// URL for several processes on one database',
  '                    (CREDITKIT_DATABASE_URL; default ./creditkit-host.sqlite)',
  '  --port            the port, 0 for any free one (CREDITKIT_PORT; default 8787)',
  '  --host            the interface to listen on (CREDITKIT_HOST; default 127.0.0.1)',
  "  --catalog         a catalog JSON file, repeatable; organisations name theirs by its id (default: the package's meinGPT and GPTBots catalogs)",
  '  --token-key-file  a file holding the token signing key, at least 32 bytes as base64 or hex (CREDITKIT_TOKEN_KEY holds the key itself;',
  '                    default: a key created once and kept in the database)',
  '  --demo-tokens     serve POST /api/demo/token on a non-loopback interface too (CREDITKIT_DEMO_TOKENS=1; default: on loopback only)',
  '  --seed            what an empty database starts with: demo, organisations or none (CREDITKIT_SEED; default none)',
  '  --sqlite-sync     full (an acknowledged event survives a power cut) or normal (a crash of the process) (CREDITKIT_SQLITE_SYNC; default full)',
  '  --pool-size       PostgreSQL connections per process (CREDITKIT_POOL_SIZE; default 10)',
].join('\n');

const SEEDS = ['demo', 'organisations', 'none'] as const;

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseOptions(
    args,
    {
      database: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      catalog: { type: 'string', multiple: true },
      'token-key-file': { type: 'string' },
      'demo-tokens': { type: 'boolean' },
      seed: { type: 'string' },
      'sqlite-sync': { type: 'string' },
      'pool-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (!parsed) return args.includes('--help') || args.includes('-h') ? 0 : 2;
  const value = (flag: string, variable: string) => (parsed.values[flag] as string | undefined) ?? env[variable];
  const fail = (message: string) => {
    console.error(`creditkit host: ${message}\n${USAGE}`);
    return 2;
  };
  if (parsed.positionals.length) return fail(`unexpected argument "${parsed.positionals[0]}"`);
  const port = Number(value('port', 'CREDITKIT_PORT') ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be a port number, got "${value('port', 'CREDITKIT_PORT')}"`);
  const seed = value('seed', 'CREDITKIT_SEED') ?? 'none';
  if (!(SEEDS as readonly string[]).includes(seed)) return fail(`--seed must be one of ${SEEDS.join(', ')}, got "${seed}"`);
  const sync = (value('sqlite-sync', 'CREDITKIT_SQLITE_SYNC') ?? 'full').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') return fail(`--sqlite-sync must be full or normal, got "${sync.toLowerCase()}"`);
  const poolSize = Number(value('pool-size', 'CREDITKIT_POOL_SIZE') ?? 10);
  if (!Number.isInteger(poolSize) || poolSize < 1) return fail('--pool-size must be a whole number of at least 1');
  const keyFile = parsed.values['token-key-file'] as string | undefined;
  let tokenKey = env.CREDITKIT_TOKEN_KEY;
  if (keyFile) {
    try {
      tokenKey = readFileSync(keyFile, 'utf8').trim();
    } catch (error) {
      return fail(`cannot read --token-key-file ${keyFile}: ${(error as Error).message}`);
    }
  }
  const catalogs = parsed.values.catalog as string[] | undefined;
  const demoTokens = parsed.values['demo-tokens'] === true || env.CREDITKIT_DEMO_TOKENS === '1' ? true : undefined;
  const options: HostOptions = {
    database: value('database', 'CREDITKIT_DATABASE_URL') ?? 'creditkit-host.sqlite',
    port,
    host: value('host', 'CREDITKIT_HOST') ?? '127.0.0.1',
    seed: seed as (typeof SEEDS)[number],
    durability: sync,
    poolSize,
    ...(tokenKey !== undefined && { tokenKey }),
    ...(demoTokens && { demoTokens }),
    ...(catalogs?.length && { catalogs }),
  };
  const host = await startHost(options);
  console.log(`listening ${host.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void host.close().then(() => process.exit(0)));
  }
  // Keep running: the server holds the event loop open.
  return new Promise<number>(() => {});
}
