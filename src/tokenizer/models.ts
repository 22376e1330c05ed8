// Which encoding counts a model's tokens: an explicit encoding, a catalog entry's `tokenizer`
// field (`openai/gpt-4.1-1m` → o200k_base), or an OpenAI model name through js-tiktoken's own
// table (`gpt-4o` → o200k_base). Anything else is estimated, and the reason says why.
// js-tiktoken/lite is imported on first need: it is not needed to price, and it pulls in a
// CommonJS dependency (base64-js) that only a bundler turns into ESM.
import type { TiktokenModel } from 'js-tiktoken/lite';
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

let lite: Promise<typeof import('js-tiktoken/lite')> | undefined;

/** js-tiktoken's encoding for an OpenAI model name; undefined for an unknown name; throws when js-tiktoken cannot load. */
async function openAiEncoding(model: string): Promise<string | undefined> {
  lite ??= import('js-tiktoken/lite');
  lite.catch(() => (lite = undefined));
  const { getEncodingNameForModel } = await lite;
  try {
    return getEncodingNameForModel(model as TiktokenModel);
  } catch {
    return undefined; // js-tiktoken throws "Unknown model"
  }
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
  let fromOpenAi: string | undefined;
  try {
    fromOpenAi = await openAiEncoding(name);
  } catch (error) {
    return { method: ESTIMATE_METHOD, reason: `could not load js-tiktoken's model table: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (fromOpenAi && isEncodingName(fromOpenAi)) return { encoding: fromOpenAi };
  if (fromOpenAi) return { method: ESTIMATE_METHOD, reason: `${model} uses ${fromOpenAi}, which is not bundled` };
  return {
    method: ESTIMATE_METHOD,
    reason: catalog ? `"${model}" is neither in the catalog nor an OpenAI model with a known encoding` : `"${model}" is not an OpenAI model with a known encoding`,
  };
}
