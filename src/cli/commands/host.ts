// `creditkit host`: starts the reference host (creditkit/host) on a database, as a platform runs
// it. Options come from flags or the environment (flags win); see src/host/README.md.
import { startHost, type HostOptions } from '../../host/index.js';
import { parseOptions } from './check.js';

const USAGE = [
  'usage: creditkit host [--database <file>] [--port <n>] [--host <address>] [--catalog <file>]... [--seed demo|organisations|none]',
  '  --database     the SQLite database file (CREDITKIT_DATABASE; default ./creditkit-host.sqlite)',
  '  --port         the port to listen on, 0 for any free one (CREDITKIT_PORT; default 8787)',
  '  --host         the interface to listen on (CREDITKIT_HOST; default 127.0.0.1)',
  "  --catalog      a catalog JSON file, repeatable; organisations name theirs by its id (default: the package's meinGPT and GPTBots catalogs)",
  '  --seed         what an empty database starts with: demo (organisations, users, 60 days of usage), organisations, or none (CREDITKIT_SEED; default none)',
  '  --sqlite-sync  full (an acknowledged event survives a power cut) or normal (survives a crash of the process) (CREDITKIT_SQLITE_SYNC; default full)',
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
      seed: { type: 'string' },
      'sqlite-sync': { type: 'string' },
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
  const catalogs = parsed.values.catalog as string[] | undefined;
  const options: HostOptions = {
    database: value('database', 'CREDITKIT_DATABASE') ?? 'creditkit-host.sqlite',
    port,
    host: value('host', 'CREDITKIT_HOST') ?? '127.0.0.1',
    seed: seed as (typeof SEEDS)[number],
    durability: sync,
    ...(catalogs?.length && { catalogs }),
  };
  const host = await startHost(options);
  console.log(`listening ${host.url} (database ${options.database})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void host.close().then(() => process.exit(0)));
  }
  // Keep running: the server holds the event loop open.
  return new Promise<number>(() => {});
}
