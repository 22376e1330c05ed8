#!/usr/bin/env node
// `creditkit <command>`: tools for hosts and catalog maintainers. Each command lives in
// ./commands/<name>.ts and exports `run(args: string[]): Promise<number>` (the exit code).

const COMMANDS: Record<string, string> = {
  check: 'validate a catalog: parse errors and lint warnings (exit 1 on errors)',
  rate: 'price usage records against a catalog and print the charge as JSON',
  import: 'turn a pasted TSV/CSV price table or a LiteLLM price file into a catalog',
  diff: 'list services added, removed and repriced between two catalogs',
  'check-host': "run the host API contract against a host's real API (read-only)",
  host: 'start the reference host (the host API on SQLite) for the SDK and elements',
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return ['usage: creditkit <command> [arguments]', '', ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(width)}  ${d}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(usage());
    return command ? 0 : 2;
  }
  if (!(command in COMMANDS)) {
    console.error(`creditkit: unknown command "${command}"\n\n${usage()}`);
    return 2;
  }
  const module = (await import(`./commands/${command}.js`)) as { run(args: string[]): Promise<number> };
  return module.run(args);
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`creditkit: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
