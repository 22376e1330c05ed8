// `creditkit diff <old.json> <new.json> [--json] [--exit-code]`: services added, removed and
// repriced (with the change in percent), from core's diffCatalogs, and which removed ones were
// likely renamed to an added one (with their price changes), from likelyRenames.
import { catalogAt, instantMs, diffCatalogs, isEmptyDiff, likelyRenames, PRICE_KEYS, type Catalog, type CatalogDiff, type PriceChange, type Service } from '../../core/index.js';
import { loadCatalogFiles, parseOptions } from './check.js';

const USAGE =
  'usage: creditkit diff <old.json> <new.json> [--json] [--exit-code]\n' +
  '       creditkit diff <catalog.json> --old-at <instant> --new-at <instant>   one catalog at two dates\n' +
  '  --old-at, --new-at  compare each catalog as it stood at that instant (2026-11-22 or 2026-11-22T12:00:00Z):\n' +
  '               the prices in force then, without the services not offered then\n' +
  '  --json       print { added, removed, repriced, changedUnit, likelyRenamed } as JSON\n' +
  '  --exit-code  exit 1 when anything changed (like git diff --exit-code)';

function showPrice(price: string | null | undefined): string {
  return price === null ? 'not offered' : price === undefined ? 'none' : price;
}

/** "platform input 0.11 → 0.33 (+200%)", "platform batch input above 200000 tokens …", "own image 1024x1024/high …" */
export function describeChange(change: PriceChange): string {
  const percent = change.percent === undefined ? '' : ` (${change.percent.startsWith('-') ? '' : '+'}${change.percent}%)`;
  const price = change.key === 'generatedImages' ? `image ${change.variant}` : change.key;
  const where = [change.keyMode, change.serviceTier, price, change.above === undefined ? undefined : `above ${change.above} tokens`].filter(Boolean).join(' ');
  return `${where} ${showPrice(change.from)} → ${showPrice(change.to)}${percent}`;
}

function describePrices(service: Service): string {
  return Object.entries(service.prices)
    .map(([mode, set]) => `${mode} ${PRICE_KEYS.filter((k) => set[k] !== undefined).map((k) => `${k} ${showPrice(set[k])}`).join(', ')}`)
    .join(' · ');
}

function serviceJson(s: Service) {
  return { id: s.id, brand: s.brand, model: s.model, billingType: s.billingType, unit: s.unit, prices: s.prices };
}

/** JSON keeps absent prices visible as null with `absent: true` rather than dropping the key. */
function changeJson(c: PriceChange) {
  return { keyMode: c.keyMode, key: c.key, ...(c.variant !== undefined && { variant: c.variant }), ...(c.serviceTier !== undefined && { serviceTier: c.serviceTier }), ...(c.above !== undefined && { above: c.above }), from: c.from ?? null, to: c.to ?? null, ...(c.from === undefined && { fromAbsent: true }), ...(c.to === undefined && { toAbsent: true }), ...(c.percent !== undefined && { percent: c.percent }) };
}

export function diffJson(before: Catalog, after: Catalog, diff: CatalogDiff) {
  return {
    from: { id: before.id, version: before.version },
    to: { id: after.id, version: after.version },
    added: diff.added.map(serviceJson),
    removed: diff.removed.map(serviceJson),
    repriced: diff.repriced.map((r) => ({ id: r.id, changes: r.changes.map(changeJson) })),
    changedUnit: diff.changedUnit,
    likelyRenamed: likelyRenames(diff).map((r) => ({ from: r.from, to: r.to, changes: r.changes.map(changeJson) })),
  };
}

export function diffText(before: Catalog, after: Catalog, diff: CatalogDiff, instants: readonly (string | undefined)[] = []): string {
  const at = (i: number) => (instants[i] === undefined ? '' : ` at ${instants[i]}`);
  const out = [`${before.id} ${before.version}${at(0)} → ${after.id} ${after.version}${at(1)}`];
  if (isEmptyDiff(diff)) return [...out, 'no changes'].join('\n');
  const section = (title: string, count: number) => count && out.push('', `${title} (${count}):`);
  section('Added', diff.added.length);
  for (const s of diff.added) out.push(`  + ${s.id}  ${describePrices(s)}`);
  section('Removed', diff.removed.length);
  for (const s of diff.removed) out.push(`  - ${s.id}  ${describePrices(s)}`);
  section('Repriced', diff.repriced.length);
  for (const r of diff.repriced) out.push(`  ~ ${r.id}`, ...r.changes.map((c) => `      ${describeChange(c)}`));
  section('Unit or billing changed, prices not comparable', diff.changedUnit.length);
  for (const c of diff.changedUnit) out.push(`  ! ${c.id}  ${c.from} → ${c.to}`);
  const renames = likelyRenames(diff);
  section('Likely renamed, removed → added', renames.length);
  for (const r of renames) out.push(`  > ${r.from} → ${r.to}${r.changes.length ? '' : '  same prices'}`, ...r.changes.map((c) => `      ${describeChange(c)}`));
  out.push('', `${diff.added.length} added, ${diff.removed.length} removed, ${diff.repriced.length} repriced${diff.changedUnit.length ? `, ${diff.changedUnit.length} with another unit` : ''}${renames.length ? `; ${renames.length} of the removed likely renamed` : ''}`);
  return out.join('\n');
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(
    args,
    { json: { type: 'boolean' }, 'exit-code': { type: 'boolean' }, 'old-at': { type: 'string' }, 'new-at': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (!parsed) return args.includes('--help') || args.includes('-h') ? 0 : 2;
  const instants: (string | undefined)[] = [parsed.values['old-at'] as string | undefined, parsed.values['new-at'] as string | undefined];
  for (const [i, name] of ['--old-at', '--new-at'].entries()) {
    if (instants[i] !== undefined && instantMs(instants[i]) === undefined) {
      console.error(`${name}: expected an instant such as 2026-11-23 or 2026-11-23T12:00:00Z, got ${JSON.stringify(instants[i])}`);
      return 2;
    }
  }
  // One catalog compared with itself at two dates.
  if (parsed.positionals.length === 1 && instants[0] !== undefined && instants[1] !== undefined) parsed.positionals.push(parsed.positionals[0]!);
  if (parsed.positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const catalogs = await loadCatalogFiles(parsed.positionals);
  if (!catalogs) return 1;
  const [before, after] = (catalogs as [Catalog, Catalog]).map((c, i) => (instants[i] === undefined ? c : catalogAt(c, instants[i]!))) as [Catalog, Catalog];
  const diff = diffCatalogs(before, after);
  console.log(parsed.values.json ? JSON.stringify(diffJson(before, after, diff), null, 2) : diffText(before, after, diff, instants));
  return parsed.values['exit-code'] && !isEmptyDiff(diff) ? 1 : 0;
}
