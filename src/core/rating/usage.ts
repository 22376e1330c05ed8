// Usage: what happened (or is planned), one record per call. Validated by hand rather than by
// zod because rateMany checks a million of them in a few dozen milliseconds.
import { describeValue } from '../describe.js';
import { isPlainDecimal } from '../decimal-text.js';
import type { Issue } from '../errors.js';
import type { PriceKey } from '../catalog/schema.js';

export interface ImageInput {
  width: number;
  height: number;
}

export interface Usage {
  /** Service id, alias or display name. */
  service: string;
  /** @default the catalog's default key mode, else "platform" */
  keyMode?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** Cached input tokens, in addition to inputTokens, priced at the cached-input price (or the input price). */
  cachedInputTokens?: number;
  /** Input images (LLM services only), priced as input tokens by the tile rule. */
  images?: readonly ImageInput[];
  /** Audio seconds, prorated exactly against "per 60 seconds"; a number or a decimal string. */
  audioSeconds?: number | string;
  characters?: number;
  /** Requests, tool calls or generated images. */
  requests?: number;
  /** Stored tokens × days. */
  tokenDays?: number;
  /** Free metadata a host may attach; not priced. */
  id?: string;
  at?: string;
  meta?: Record<string, unknown>;
}

/** The quantity kinds of a usage record, each priced by one price key. */
export const QUANTITY_KINDS = [
  'inputTokens',
  'cachedInputTokens',
  'imageTokens',
  'outputTokens',
  'audioSeconds',
  'characters',
  'requests',
  'tokenDays',
] as const;
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

export const PRICE_KEY_OF: Record<QuantityKind, PriceKey> = {
  inputTokens: 'input',
  cachedInputTokens: 'cachedInput',
  imageTokens: 'input',
  outputTokens: 'output',
  audioSeconds: 'audio',
  characters: 'characters',
  requests: 'request',
  tokenDays: 'storage',
};

/** Whole-number quantity fields (audioSeconds may be fractional; images is a list). */
export const INTEGER_FIELDS = ['inputTokens', 'outputTokens', 'cachedInputTokens', 'characters', 'requests', 'tokenDays'] as const;
const KNOWN_FIELDS = new Set<string>([...INTEGER_FIELDS, 'service', 'keyMode', 'images', 'audioSeconds', 'id', 'at', 'meta']);

/** Problems with the shape of one record (not with the catalog): unknown fields, bad numbers, no quantity. */
export function usageShapeIssues(record: unknown, at: string): Issue[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return [{ path: at, message: `expected a usage object, got ${describeValue(record)}` }];
  }
  const r = record as Record<string, unknown>;
  const issues: Issue[] = [];
  const path = (field: string) => (at ? `${at}.${field}` : field);
  for (const key of Object.keys(r)) {
    if (!KNOWN_FIELDS.has(key)) issues.push({ path: path(key), message: 'unknown field' });
  }
  if (typeof r.service !== 'string' || r.service === '') {
    issues.push({ path: path('service'), message: `expected a service id, got ${describeValue(r.service)}` });
  }
  if (r.keyMode !== undefined && typeof r.keyMode !== 'string') {
    issues.push({ path: path('keyMode'), message: `expected a key mode name, got ${describeValue(r.keyMode)}` });
  }
  let quantities = 0;
  for (const field of INTEGER_FIELDS) {
    const v = r[field];
    if (v === undefined) continue;
    quantities++;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      issues.push({ path: path(field), message: `expected a non-negative whole number, got ${describeValue(v)}` });
    }
  }
  if (r.audioSeconds !== undefined) {
    quantities++;
    const v = r.audioSeconds;
    const ok =
      (typeof v === 'number' && Number.isFinite(v) && v >= 0) || (typeof v === 'string' && isPlainDecimal(v));
    if (!ok) issues.push({ path: path('audioSeconds'), message: `expected a non-negative number of seconds, got ${describeValue(v)}` });
  }
  if (r.images !== undefined) {
    quantities++;
    if (!Array.isArray(r.images)) {
      issues.push({ path: path('images'), message: `expected a list of { width, height }, got ${describeValue(r.images)}` });
    } else {
      r.images.forEach((image: unknown, i) => {
        const img = image as Record<string, unknown> | null;
        for (const side of ['width', 'height'] as const) {
          const v = img && typeof img === 'object' ? img[side] : undefined;
          if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
            issues.push({ path: path(`images[${i}].${side}`), message: `expected a positive whole number of pixels, got ${describeValue(v)}` });
          }
        }
      });
    }
  }
  if (quantities === 0 && issues.length === 0) {
    issues.push({ path: at, message: 'has no quantity (inputTokens, outputTokens, cachedInputTokens, images, audioSeconds, characters, requests or tokenDays)' });
  }
  return issues;
}
