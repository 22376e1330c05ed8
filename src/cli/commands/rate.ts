// `creditkit rate <catalog.json> <usage.json>`: prices one usage record or an array of them and
// prints the charge as JSON (exact decimal strings). Exit 1 with the reason on bad input.
import { allocateDisplay, CreditError, rate, UsageError, type Usage } from '../../core/index.js';
import { formatPathIssue, loadCatalogFile, parseOptions, readText } from './check.js';

const USAGE =
  'usage: creditkit rate <catalog.json> <usage.json> [--display <decimals>]\n' +
  '  usage.json: one usage record or an array of them, e.g. { "service": "openai/gpt-4o", "inputTokens": 523, "outputTokens": 1247 }\n' +
  '  --display N  add each line and the total rounded for display to N places (lines add up to the total)';

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, { display: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (!parsed) return args.includes('--help') || args.includes('-h') ? 0 : 2;
  if (parsed.positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const display = parsed.values.display as string | undefined;
  if (display !== undefined && !/^(?:[0-9]|1[0-2])$/.test(display)) {
    console.error(`--display: expected a number of decimals from 0 to 12, got "${display}"`);
    return 2;
  }
  const [catalogFile, usageFile] = parsed.positionals as [string, string];
  const loaded = await loadCatalogFile(catalogFile);
  if ('issues' in loaded) {
    console.error(`${catalogFile}: invalid catalog`);
    for (const issue of loaded.issues) console.error(`  ${formatPathIssue(issue)}`);
    return 1;
  }
  const read = await readText(usageFile);
  if ('error' in read) {
    console.error(`${usageFile}: cannot read: ${read.error}`);
    return 1;
  }
  let usage: unknown;
  try {
    usage = JSON.parse(read.text);
  } catch (error) {
    console.error(`${usageFile}: not valid JSON (${(error as Error).message})`);
    return 1;
  }
  try {
    const charge = rate(loaded.catalog, usage as Usage | Usage[]);
    const shown = display === undefined ? undefined : allocateDisplay(charge.lines, Number(display));
    const out = shown ? { ...charge, display: { lines: shown.lines.map((l) => l.display), total: shown.total } } : charge;
    console.log(JSON.stringify(out, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${usageFile}: invalid usage`);
      for (const issue of error.issues) console.error(`  ${formatPathIssue(issue)}`);
      return 1;
    }
    if (error instanceof CreditError) {
      console.error(`${usageFile}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
