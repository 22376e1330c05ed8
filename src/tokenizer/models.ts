// Which encoding counts a model's tokens: an explicit encoding, a catalog entry's `tokenizer`
// field (`openai/gpt-4.1-1m` → o200k_base), or an OpenAI model name by its family (`gpt-4o` →
// o200k_base). Anything else is estimated, and the reason says why.
import { tryFindService } from '../core/catalog/find.js';
import type { Catalog } from '../core/catalog/schema.js';
import { isEncodingName, type EncodingName } from './encodings.js';
import { TokenizerError } from './errors.js';
import { ESTIMATE_METHOD } from './estimate.js';

export interface EncodingOptions {
  /** An OpenAI model name (`gpt-4.1-mini`) or, with `catalog`, a catalog id or name (`openai/gpt-4.1-1m`). */
  model?: string;
  /** An encoding to use directly; wins over `model`. */
  encoding?: string;
  /** The catalog whose entries' `tokenizer` field maps ids to encodings. */
  catalog?: Catalog;
}

export type EncodingChoice = { encoding: EncodingName } | { method: typeof ESTIMATE_METHOD; reason: string };

/** The default when neither model nor encoding is given: the encoding of every current OpenAI model. */
export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

// OpenAI's model families and their encodings, first match wins. By family rather than by
// js-tiktoken's list of exact names (getEncodingNameForModel): the same answers for every name on
// that list (a test holds them equal), dated snapshots and newer models of a family (gpt-5.2,
// gpt-4.1-2025-04-14) included, and none of js-tiktoken/lite's 2.5 KB gzipped in a page.
const OPENAI_FAMILIES: readonly (readonly [RegExp, string])[] = [
  [/^(gpt-4o|gpt-4\.[15]|gpt-5(\.\d+)?|chatgpt-4o|o[134])(-|$)/, 'o200k_base'],
  [/^(gpt-4|gpt-3\.5-turbo|gpt-35-turbo|text-embedding-ada-002|text-embedding-3-(small|large))(-|$)/, 'cl100k_base'],
  [/^(text|code)-davinci-edit-/, 'p50k_edit'],
  [/^(text-davinci-00[23]|code-davinci-|code-cushman-|davinci-codex$|cushman-codex$|davinci-002$)/, 'p50k_base'],
  [/^(ada|babbage|curie|davinci|babbage-002|text-(ada|babbage|curie|davinci)-001|(code-search|text-search|text-similarity)-.+-001)$/, 'r50k_base'],
  [/^gpt2$/, 'gpt2'],
];

/** The encoding of an OpenAI model name (lower case, no provider prefix); undefined when unknown. */
export function openAiEncoding(model: string): string | undefined {
  return OPENAI_FAMILIES.find(([family]) => family.test(model))?.[1];
}

/** Resolves options to an exact encoding or to the estimate with a reason. */
export async function chooseEncoding(options: EncodingOptions = {}): Promise<EncodingChoice> {
  const { model, encoding, catalog } = options;
  if (encoding !== undefined) {
    if (typeof encoding !== 'string') throw new TokenizerError(`encoding must be a string, got ${typeof encoding}`);
    if (isEncodingName(encoding)) return { encoding };
    return { method: ESTIMATE_METHOD, reason: `encoding "${encoding}" is not bundled (exact counts exist for o200k_base and cl100k_base)` };
  }
  if (model === undefined) return { encoding: DEFAULT_ENCODING };
  if (typeof model !== 'string' || model.trim() === '') throw new TokenizerError(`model must be a non-empty string, got ${JSON.stringify(model)}`);
  if (catalog) {
    const service = tryFindService(catalog, model);
    if (service) {
      if (service.tokenizer) return { encoding: service.tokenizer };
      return { method: ESTIMATE_METHOD, reason: `catalog entry "${service.id}" names no tokenizer` };
    }
  }
  // "openai/gpt-4o" without a catalog still names an OpenAI model.
  const name = model.trim().toLowerCase().replace(/^(openai|azure)\//, '');
  const fromOpenAi = openAiEncoding(name);
  if (fromOpenAi && isEncodingName(fromOpenAi)) return { encoding: fromOpenAi };
  if (fromOpenAi) return { method: ESTIMATE_METHOD, reason: `${model} uses ${fromOpenAi}, which is not bundled` };
  return {
    method: ESTIMATE_METHOD,
    reason: catalog ? `"${model}" is neither in the catalog nor an OpenAI model with a known encoding` : `"${model}" is not an OpenAI model with a known encoding`,
  };
}
