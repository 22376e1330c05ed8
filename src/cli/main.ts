// `creditkit <command>`: tools for hosts and catalog maintainers. Each command lives in
// ./commands/<name>.ts and exports `run(args: string[]): Promise<number>` (the exit code).
// ./bin.ts runs it; this module only exports main(), so tests can call it in process.

const COMMANDS: Record<string, string> = {
  check: 'validate a catalog: parse errors and lint warnings (exit 1 on errors)',
  rate: 'price usage records against a catalog and print the charge as JSON',
  import: 'turn a pasted TSV/CSV price table or a LiteLLM price file into a catalog',
  diff: 'list services added, removed and repriced between two catalogs (or one catalog at two dates)',
  history: 'merge an older and a newer price list into one catalog, the newer prices in force from a date',
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
  // Own keys only: `in` would take "constructor" or "__proto__" for a command.
  if (!Object.hasOwn(COMMANDS, command)) {
    console.error(`creditkit: unknown command "${command}"\n\n${usage()}`);
    return 2;
  }
  const module = (await import(`./commands/${command}.js`)) as { run(args: string[]): Promise<number> };
  return module.run(args);
}
