// Assembles an imported catalog: metadata from the options (or from a base catalog whose credit
// unit, key modes, billing types and caps are taken over), the services, then parseCatalog as
// the final check, so an import never hands out a catalog that would not load.
import { CatalogError } from '../../errors.js';
import { Decimal, isPlainDecimal } from '../../decimal.js';
import { defaultKeyMode } from '../key-modes.js';
import { parseCatalog } from '../parse.js';
import type { CatalogInput } from '../schema.js';
import { formatIssue, ImportError, type ImportIssue, type IssueLog } from './issues.js';
import { BILLING_TYPE_INFO } from './sections.js';
import { separateAliases, type ServiceEntry } from './services.js';

export interface CatalogMeta {
  /** Catalog id (a slug); default: the base catalog's. */
  id?: string;
  name?: string;
  version: string;
  /** What one credit is worth; default: the base catalog's. */
  currency?: string;
  creditValue?: string;
  /** Key modes in column order, with display names; default: the base catalog's, else platform and own. */
  keyModes?: { id: string; name: string; description?: string }[];
  /** Catalog notes, appended to none (the base catalog's notes describe another edition). */
  notes?: string[];
  source?: { document: string; checked: string; url?: string; section?: string };
  /** Ceilings per key mode (an own-key fee cap); default: the base catalog's. */
  caps?: CatalogInput['caps'];
  /** Credit unit, key modes, billing types, caps and rounding are taken from it where not given. */
  base?: CatalogInput;
}

export const DEFAULT_KEY_MODES = [
  { id: 'platform', name: 'Platform key' },
  { id: 'own', name: 'Own key' },
];

export function keyModeIds(meta: CatalogMeta): string[] {
  return (meta.keyModes ?? meta.base?.keyModes ?? DEFAULT_KEY_MODES).map((k) => k.id);
}

export function assembleCatalog(meta: CatalogMeta, services: ServiceEntry[], log: IssueLog): CatalogInput {
  const base = meta.base;
  const id = meta.id ?? base?.id;
  const name = meta.name ?? base?.name ?? id;
  const currency = meta.currency ?? base?.creditUnit.currency;
  const value = meta.creditValue ?? (base?.creditUnit.value as string | undefined);
  if (!id) log.error('a catalog id is needed (--id)');
  if (!currency) log.error('a currency is needed (--currency, e.g. USD)');
  if (!value) log.error('a credit value is needed (--credit-value, e.g. 0.01 for one cent)');
  else if (!isPlainDecimal(value) || new Decimal(value).isZero()) log.error(`the credit value must be a positive decimal, got "${value}"`);

  separateAliases(services, log);
  const used = [...new Set(services.map((s) => s.billingType))];
  const billingTypes = base ? [...base.billingTypes] : [];
  for (const type of used) {
    if (billingTypes.some((b) => b.id === type)) continue;
    if (base) log.warn(`billing type "${type}" is not declared by the base catalog; it is added`);
    const info = BILLING_TYPE_INFO[type];
    billingTypes.push({ id: type, name: info?.name ?? type, ...(info?.description && { description: info.description }) });
  }
  const keyModes = meta.keyModes ?? base?.keyModes ?? DEFAULT_KEY_MODES;
  // A cap names billing types; those the catalog does not declare (no audio rows imported) are left out of it.
  const declared = new Set(billingTypes.map((b) => b.id));
  const caps = (meta.caps ?? base?.caps)
    ?.map((cap) => ({ ...cap, billingTypes: cap.billingTypes.filter((b) => declared.has(b)) }))
    .filter((cap) => cap.billingTypes.length > 0);
  const catalog: CatalogInput = {
    ...(base?.$schema && { $schema: base.$schema }),
    schemaVersion: 1,
    id: id ?? 'imported',
    name: name ?? 'imported',
    version: meta.version,
    ...(meta.source && { source: meta.source }),
    creditUnit: { currency: currency ?? 'USD', value: value ?? '0.01' },
    rounding: base?.rounding ?? { mode: 'none' },
    keyModes,
    defaultKeyMode: base?.defaultKeyMode && keyModes.some((k) => k.id === base.defaultKeyMode) ? base.defaultKeyMode : defaultKeyMode({ keyModes }),
    billingTypes: billingTypes.length ? billingTypes : [{ id: 'llm-text-chat', name: 'LLM Text Chat' }],
    ...(caps && caps.length && { caps }),
    ...(meta.notes?.length && { notes: meta.notes }),
    services: services as CatalogInput['services'],
  };
  if (!services.length && !log.hasErrors) log.error('no price rows found (is there a section heading such as "LLM Service Pricing"?)');
  if (log.hasErrors) throw new ImportError(log.all);
  try {
    parseCatalog(catalog);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    for (const issue of error.issues) log.error(`the imported catalog does not parse: ${issue.path}: ${issue.message}`);
    throw new ImportError(log.all);
  }
  return catalog;
}

/** The warnings and notes of an import, one line each, for a terminal. */
export function describeIssues(issues: readonly ImportIssue[]): string[] {
  return issues.map((i) => `${i.severity}: ${formatIssue(i)}`);
}
