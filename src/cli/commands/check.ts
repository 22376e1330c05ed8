// `creditkit check <catalog.json> [--json] [--strict]`: parse errors (each with its JSON path)
// or lint warnings. Exit 1 on errors (or on warnings with --strict), 0 otherwise, 2 on bad arguments.
// Also home of the small file helpers the other catalog commands share.
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CatalogError, lintCatalog, parseCatalog, type Catalog, type Issue, type LintWarning } from '../../core/index.js';

/** A file's text, or a one-line reason it cannot be read. `-` is standard input. */
export async function readText(file: string): Promise<{ text: string } | { error: string }> {
  try {
    if (file === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return { text: Buffer.concat(chunks).toString('utf8') };
    }
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message };
  }
}

/** A catalog file parsed, or its problems, each with a JSON path ("" for the whole file). */
export async function loadCatalogFile(file: string): Promise<{ catalog: Catalog } | { issues: Issue[] }> {
  const read = await readText(file);
  if ('error' in read) return { issues: [{ path: '', message: `cannot read ${file}: ${read.error}` }] };
  try {
    return { catalog: parseCatalog(read.text) };
  } catch (error) {
    if (error instanceof CatalogError) return { issues: [...error.issues] };
    throw error;
  }
}

/** Several catalog files parsed, or undefined after printing the first one's problems (exit 1). */
export async function loadCatalogFiles(files: readonly string[]): Promise<Catalog[] | undefined> {
  const catalogs: Catalog[] = [];
  for (const file of files) {
    const loaded = await loadCatalogFile(file);
    if ('issues' in loaded) {
      console.error(`${file}: invalid catalog`);
      for (const issue of loaded.issues) console.error(`  ${formatPathIssue(issue)}`);
      return undefined;
    }
    catalogs.push(loaded.catalog);
  }
  return catalogs;
}

export function formatPathIssue(issue: Issue): string {
  return `${issue.path || '(root)'}: ${issue.message}`;
}

/** Parses options, or prints what is wrong and the usage line; `undefined` means exit 2. */
export function parseOptions(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  usage: string,
): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } | undefined {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as {
      values: Record<string, string | boolean | (string | boolean)[] | undefined>;
      positionals: string[];
    };
    if (parsed.values.help) {
      console.log(usage);
      return undefined;
    }
    return parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return undefined;
  }
}

const USAGE = 'usage: creditkit check <catalog.json> [--json] [--strict]\n  --json    print { ok, errors, warnings } as JSON\n  --strict  exit 1 on lint warnings too';

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, { json: { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (!parsed) return args.includes('--help') || args.includes('-h') ? 0 : 2;
  if (parsed.positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const file = parsed.positionals[0]!;
  const loaded = await loadCatalogFile(file);
  const errors = 'issues' in loaded ? loaded.issues : [];
  const warnings: LintWarning[] = 'catalog' in loaded ? lintCatalog(loaded.catalog) : [];
  const failed = errors.length > 0 || (parsed.values.strict === true && warnings.length > 0);

  if (parsed.values.json) {
    const summary = 'catalog' in loaded ? { id: loaded.catalog.id, version: loaded.catalog.version, services: loaded.catalog.services.length } : undefined;
    console.log(JSON.stringify({ file, ok: !failed, ...(summary && { catalog: summary }), errors, warnings }, null, 2));
    return failed ? 1 : 0;
  }
  if ('issues' in loaded) {
    console.error(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
    for (const issue of errors) console.error(`  error  ${formatPathIssue(issue)}`);
    return 1;
  }
  const { catalog } = loaded;
  for (const w of warnings) console.log(`  warning  ${w.path}: ${w.message} [${w.rule}]`);
  const byRule = new Map<string, number>();
  for (const w of warnings) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
  console.log(
    `${file}: ${catalog.id} ${catalog.version}, ${catalog.services.length} services, ` +
      (warnings.length
        ? `${warnings.length} warning${warnings.length === 1 ? '' : 's'} (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')})`
        : 'no warnings'),
  );
  return failed ? 1 : 0;
}
