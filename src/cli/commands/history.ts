// `creditkit history <older.json> <newer.json> --from <YYYY-MM-DD> [--out <file>]`: one catalog
// holding both editions of a price list, the newer prices in force from that date (core's
// mergeHistory). The merged catalog goes to standard output (or --out), what changed to stderr.
import { writeFile } from 'node:fs/promises';
import { CatalogError, mergeHistory, parseCatalog, type Catalog } from '../../core/index.js';
import { formatPathIssue, loadCatalogFiles, parseOptions } from './check.js';

const USAGE =
  'usage: creditkit history <older.json> <newer.json> --from <YYYY-MM-DD> [--out <file>]\n' +
  '  --from   the day (midnight UTC) or instant (2026-11-23T09:00:00Z) from which the newer prices apply\n' +
  '  --out    write the catalog to this file instead of standard output\n' +
  'Repriced services keep their older prices for earlier dates, removed ones stay rateable until --from,\n' +
  'added ones are offered from it, renamed ones (as `creditkit diff` detects) keep their history under\n' +
  'the new id with the old id as an alias.';

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, { from: { type: 'string' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (!parsed) return args.includes('--help') || args.includes('-h') ? 0 : 2;
  const from = parsed.values.from as string | undefined;
  if (parsed.positionals.length !== 2 || from === undefined) {
    console.error(USAGE);
    return 2;
  }
  const catalogs = await loadCatalogFiles(parsed.positionals);
  if (!catalogs) return 1;
  try {
    const result = mergeHistory(catalogs[0]!, catalogs[1]!, from);
    // The merged catalog must parse as any other: nothing is written that the engine would refuse.
    const json = JSON.parse(JSON.stringify(result.catalog));
    parseCatalog(json);
    const text = JSON.stringify(json, null, 2) + '\n';
    if (parsed.values.out) await writeFile(parsed.values.out as string, text);
    else process.stdout.write(text);
    console.error(
      `${catalogs[0]!.version} until ${result.from}, ${catalogs[1]!.version} from then: ` +
        `${result.repriced.length} repriced, ${result.removed.length} removed, ${result.added.length} added, ${result.renamed.length} renamed` +
        (result.renamed.length ? ` (${result.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')})` : '') +
        (result.unitChanged.length ? `; unit changed, older prices dropped: ${result.unitChanged.join(', ')}` : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof CatalogError) {
      console.error(error.message.split(': ')[0]);
      for (const issue of error.issues) console.error(`  ${formatPathIssue(issue)}`);
      return 1;
    }
    throw error;
  }
}
