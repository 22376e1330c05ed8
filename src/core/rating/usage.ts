// Usage: what happened (or is planned), one record per call. USAGE_FIELDS is the one definition
// of the record: the `Usage` type, usageShapeIssues, rateMany's fast path (src/core/rating/rate.ts)
// and the host contract's zod schema (src/sdk/contract/charge.ts) are all derived from it.
// Validated by hand rather than by zod because rateMany checks a million records in a few dozen
// milliseconds.
import { describeValue } from '../describe.js';
import { isPlainDecimal } from '../decimal-text.js';
import type { Issue } from '../errors.js';
import { SERVICE_TIERS, type PriceName, type ServiceTier } from '../catalog/schema.js';
import { MAX_SERVICE_NAME_LENGTH } from '../catalog/find.js';
import { INSTANT_EXAMPLE, instantMs } from '../instant.js';

export interface ImageInput {
  width: number;
  height: number;
}

/** Images a model generated of one size and quality: "3 images 1024×1024 high". */
export interface GeneratedImages {
  /** Width × height in pixels, as the provider names it: "1024x1024". */
  size: string;
  /** The provider's quality name (low, medium, high; standard, hd), where it prices by quality. */
  quality?: string;
  /** @default 1 */
  count?: number;
}

/** The value each field type takes in a record. */
interface FieldValues {
  name: string;
  count: number;
  seconds: number | string;
  images: readonly ImageInput[];
  generatedImages: readonly GeneratedImages[];
  text: string;
  instant: string;
  serviceTier: ServiceTier;
  object: Record<string, unknown>;
}
export type UsageFieldType = keyof FieldValues;

export type { PriceName };

export interface UsageFieldSpec {
  type: UsageFieldType;
  /** The charge-line kind a quantity field is summed into (images: their tokens). */
  kind?: string;
  /** The catalog price that prices that kind (generated images: the price set's per-variant prices). */
  price?: PriceName;
  required?: boolean;
  maxLength?: number;
  /** The field this quantity is a part of (reasoning tokens are output tokens): at most that much. */
  partOf?: string;
  /** Kept by a host with the event rather than in each record: not a field of the host API's records. */
  local?: boolean;
}

/**
 * Every field a usage record may carry, in the order of the charge's lines. Quantity fields name
 * their charge-line `kind` and the catalog price that prices it. Adding a field here adds it to
 * the type, the validation, the fast path and the host contract.
 */
export const USAGE_FIELDS = {
  /** Service id, alias or display name. */
  service: { type: 'name', required: true, maxLength: MAX_SERVICE_NAME_LENGTH },
  /** @default the catalog's default key mode, else "platform" */
  keyMode: { type: 'name', maxLength: 100 },
  inputTokens: { type: 'count', kind: 'inputTokens', price: 'input' },
  /** Cache reads, in addition to inputTokens, priced at the cached-input price (or the input price). */
  cachedInputTokens: { type: 'count', kind: 'cachedInputTokens', price: 'cachedInput' },
  /** Cache writes at the provider's default TTL (Anthropic: 5 minutes), in addition to inputTokens; the cache-write price, else the input price. */
  cacheWriteTokens: { type: 'count', kind: 'cacheWriteTokens', price: 'cacheWrite' },
  /** Cache writes with a 1-hour TTL; the 1-hour cache-write price, else the input price. */
  cacheWrite1hTokens: { type: 'count', kind: 'cacheWrite1hTokens', price: 'cacheWrite1h' },
  /** Input images (LLM services only), priced as input tokens by the tile rule. */
  images: { type: 'images', kind: 'imageTokens', price: 'input' },
  /** Audio input tokens, in addition to inputTokens (text), at the audio input price; never at the text price. */
  audioInputTokens: { type: 'count', kind: 'audioInputTokens', price: 'inputAudio' },
  outputTokens: { type: 'count', kind: 'outputTokens', price: 'output' },
  /** The part of outputTokens spent on reasoning: its own line, at the reasoning price, else the output price. */
  reasoningTokens: { type: 'count', kind: 'reasoningTokens', price: 'reasoning', partOf: 'outputTokens' },
  /** Audio output tokens, in addition to outputTokens (text), at the audio output price. */
  audioOutputTokens: { type: 'count', kind: 'audioOutputTokens', price: 'outputAudio' },
  /** Audio seconds in (heard, transcribed), prorated exactly against "per 60 seconds"; a number or a decimal string. */
  audioSeconds: { type: 'seconds', kind: 'audioSeconds', price: 'audio' },
  /** Audio seconds out (spoken), at the audio output price per 60 seconds. */
  audioOutputSeconds: { type: 'seconds', kind: 'audioOutputSeconds', price: 'audioOutput' },
  /** Images generated, by size and quality, each priced per image at its variant's price ([{ size: "1024x1024", quality: "high", count: 3 }]). */
  generatedImages: { type: 'generatedImages', kind: 'generatedImages', price: 'generatedImages' },
  characters: { type: 'count', kind: 'characters', price: 'characters' },
  /** Requests, tool calls or generated images. */
  requests: { type: 'count', kind: 'requests', price: 'request' },
  /** Stored tokens × days. */
  tokenDays: { type: 'count', kind: 'tokenDays', price: 'storage' },
  /** Web searches (per call) a model made. */
  webSearches: { type: 'count', kind: 'webSearches', price: 'webSearch' },
  /** @default "standard"; batch, flex or priority where the service offers it (else NotOfferedError). */
  serviceTier: { type: 'serviceTier' },
  /** Free metadata a host may attach; not priced. */
  id: { type: 'text', local: true },
  /** When it happened, ISO 8601 ("2026-11-22T12:00:00Z"): selects the prices in force then. @default now */
  at: { type: 'instant', local: true },
  meta: { type: 'object', local: true },
} as const satisfies Record<string, UsageFieldSpec>;

type Fields = typeof USAGE_FIELDS;
export type UsageField = keyof Fields;

/** A usage record: `service` and at least one quantity. */
export type Usage = { -readonly [K in keyof Fields]?: FieldValues[Fields[K]['type']] } & { service: string };

/** The fields a host keeps with the event rather than in each record. */
export type LocalUsageField = { [K in keyof Fields]: Fields[K] extends { local: true } ? K : never }[keyof Fields];
/** A usage record as the host API takes it in an event (the event carries `at`). */
export type HostUsage = Omit<Usage, LocalUsageField>;

export type QuantityKind = { [K in keyof Fields]: Fields[K] extends { kind: infer Q extends string } ? Q : never }[keyof Fields];

const FIELD_ENTRIES = Object.entries(USAGE_FIELDS) as [UsageField, UsageFieldSpec][];

/** The fields a record may carry, in table order. */
export const USAGE_FIELD_NAMES: readonly UsageField[] = FIELD_ENTRIES.map(([name]) => name);

/** The fields that carry a quantity. */
export const QUANTITY_FIELDS: readonly UsageField[] = FIELD_ENTRIES.filter(([, f]) => f.kind).map(([name]) => name);

/** The quantity kinds of a charge's lines, each priced by one price key, in line order. */
export const QUANTITY_KINDS = FIELD_ENTRIES.filter(([, f]) => f.kind).map(([, f]) => f.kind) as [QuantityKind, ...QuantityKind[]];

export const PRICE_KEY_OF = Object.fromEntries(FIELD_ENTRIES.filter(([, f]) => f.kind).map(([, f]) => [f.kind, f.price])) as Record<QuantityKind, PriceName>;

/** The record field a quantity kind comes from (imageTokens: images). */
export const FIELD_OF_KIND = Object.fromEntries(FIELD_ENTRIES.filter(([, f]) => f.kind).map(([name, f]) => [f.kind, name])) as Record<QuantityKind, UsageField>;

const quantityList = QUANTITY_FIELDS.join(', ');

/** What is wrong with one field's value, or undefined when it is fine. */
export function fieldValueIssue(spec: UsageFieldSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'name':
      if (typeof value !== 'string' || (spec.required && value === '')) return `expected a ${spec.required ? 'service id' : 'name'}, got ${describeValue(value)}`;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) return `expected at most ${spec.maxLength} characters, got ${value.length}`;
      return undefined;
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? undefined : `expected a non-negative whole number, got ${describeValue(value)}`;
    case 'seconds':
      return (typeof value === 'number' && Number.isFinite(value) && value >= 0) || (typeof value === 'string' && isPlainDecimal(value))
        ? undefined
        : `expected a non-negative number of seconds, got ${describeValue(value)}`;
    case 'text':
      return typeof value === 'string' ? undefined : `expected a string, got ${describeValue(value)}`;
    case 'serviceTier':
      return typeof value === 'string' && (SERVICE_TIERS as readonly string[]).includes(value) ? undefined : `expected one of ${SERVICE_TIERS.join(', ')}, got ${describeValue(value)}`;
    case 'instant':
      return instantMs(value) !== undefined ? undefined : `expected an instant such as ${INSTANT_EXAMPLE}, got ${describeValue(value)}`;
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `expected an object, got ${describeValue(value)}`;
    case 'images':
      return Array.isArray(value) ? undefined : `expected a list of { width, height }, got ${describeValue(value)}`;
    case 'generatedImages':
      return Array.isArray(value) ? undefined : `expected a list of { size, quality, count }, got ${describeValue(value)}`;
  }
}

/** The size of a generated image ("1024x1024") and a quality name ("high"), as prices name them. */
const IMAGE_SIZE = /^[1-9]\d{0,5}x[1-9]\d{0,5}$/;
const IMAGE_QUALITY = /^[a-z0-9][a-z0-9-]*$/;

/** The price-set key of generated images of a size and quality: "1024x1024/high", or "1024x1024" without a quality. */
export function imageVariantKey(size: string, quality: string | undefined): string {
  return quality === undefined ? size : `${size}/${quality}`;
}

/** Problems of one entry of `generatedImages`, by path. */
export function generatedImageIssues(entry: unknown, path: string): Issue[] {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return [{ path, message: `expected { size, quality, count }, got ${describeValue(entry)}` }];
  const e = entry as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const key of Object.keys(e)) if (key !== 'size' && key !== 'quality' && key !== 'count') issues.push({ path: `${path}.${key}`, message: 'unknown field' });
  if (typeof e.size !== 'string' || !IMAGE_SIZE.test(e.size)) issues.push({ path: `${path}.size`, message: `expected width x height in pixels such as "1024x1024", got ${describeValue(e.size)}` });
  if (e.quality !== undefined && (typeof e.quality !== 'string' || !IMAGE_QUALITY.test(e.quality))) issues.push({ path: `${path}.quality`, message: `expected a quality name such as "high" (a-z, 0-9, "-"), got ${describeValue(e.quality)}` });
  if (e.count !== undefined && !(typeof e.count === 'number' && Number.isSafeInteger(e.count) && e.count >= 0)) issues.push({ path: `${path}.count`, message: `expected a non-negative whole number of images, got ${describeValue(e.count)}` });
  return issues;
}

/** Problems of one image of `images`, by path. */
function imageIssues(image: unknown, path: string): Issue[] {
  const issues: Issue[] = [];
  if (image === null || typeof image !== 'object' || Array.isArray(image)) return [{ path, message: `expected { width, height }, got ${describeValue(image)}` }];
  const img = image as Record<string, unknown>;
  for (const key of Object.keys(img)) if (key !== 'width' && key !== 'height') issues.push({ path: `${path}.${key}`, message: 'unknown field' });
  for (const side of ['width', 'height'] as const) {
    const v = img[side];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) issues.push({ path: `${path}.${side}`, message: `expected a positive whole number of pixels, got ${describeValue(v)}` });
  }
  return issues;
}

const SPEC_OF = new Map<string, UsageFieldSpec>(FIELD_ENTRIES);

/**
 * Problems with the shape of one record (not with the catalog): unknown fields, bad values, no
 * quantity. `fields` limits the known fields (the host contract's records carry no `at`).
 */
export function usageShapeIssues(record: unknown, at: string, fields: ReadonlyMap<string, UsageFieldSpec> = SPEC_OF): Issue[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return [{ path: at, message: `expected a usage object, got ${describeValue(record)}` }];
  }
  const r = record as Record<string, unknown>;
  const issues: Issue[] = [];
  const path = (field: string) => (at ? `${at}.${field}` : field);
  for (const key of Object.keys(r)) {
    if (!fields.has(key)) issues.push({ path: path(key), message: 'unknown field' });
  }
  let quantities = 0;
  for (const [name, spec] of fields) {
    const value = r[name];
    if (value === undefined) {
      if (spec.required) issues.push({ path: path(name), message: fieldValueIssue(spec, value)! });
      continue;
    }
    if (spec.kind) quantities++;
    const problem = fieldValueIssue(spec, value);
    if (problem) issues.push({ path: path(name), message: problem });
    else if (spec.type === 'images') (value as unknown[]).forEach((image, i) => issues.push(...imageIssues(image, path(`${name}[${i}]`))));
    else if (spec.type === 'generatedImages') (value as unknown[]).forEach((entry, i) => issues.push(...generatedImageIssues(entry, path(`${name}[${i}]`))));
  }
  for (const [name, spec] of fields) {
    const part = r[name];
    if (!spec.partOf || part === undefined || fieldValueIssue(spec, part)) continue;
    const whole = r[spec.partOf];
    if (whole === undefined) issues.push({ path: path(name), message: `is a part of ${spec.partOf}, which is missing` });
    else if (!fieldValueIssue(fields.get(spec.partOf)!, whole) && (part as number) > (whole as number)) {
      issues.push({ path: path(name), message: `is a part of ${spec.partOf} (${whole as number}), so at most that, got ${part as number}` });
    }
  }
  if (quantities === 0 && issues.length === 0) issues.push({ path: at, message: `has no quantity (${quantityList})` });
  return issues;
}

/** The fields of a host API record (no local ones), for the contract. */
export const HOST_RECORD_FIELDS: ReadonlyMap<string, UsageFieldSpec> = new Map(FIELD_ENTRIES.filter(([, f]) => !f.local));
