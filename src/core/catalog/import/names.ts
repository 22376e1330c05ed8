// From a published model name to what a catalog entry carries: id slug, fixed spelling (the
// published one kept as an alias), context window read from the name, tokenizer.
import type { SectionKey } from './sections.js';

/** Misspellings of the source lists, fixed in id and name (GPT-Mini-Auido, GLM-…-Thingking-…). */
export const DEFAULT_FIXES: Record<string, string> = { Auido: 'Audio', Thingking: 'Thinking' };

/** LLM rows billed as LLM audio chat: GPT-Audio, GPT-Mini-Audio, GPT-4o-Audio…, Qwen2.0-audio, Qwen-Omni-Turbo. */
export const DEFAULT_AUDIO_MODELS: readonly RegExp[] = [/audio/i, /^qwen-omni/i];

/** Applies the spelling fixes, keeping the case of what it replaces ("auido" → "audio"). */
export function fixSpelling(name: string, fixes: Record<string, string>): string {
  let out = name;
  for (const [wrong, right] of Object.entries(fixes)) {
    out = out.replace(new RegExp(escapeRegExp(wrong), 'gi'), (found) =>
      found === found.toLowerCase() ? right.toLowerCase() : found === found.toUpperCase() ? right.toUpperCase() : right,
    );
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One id segment: lower case, spaces to hyphens, anything else outside [a-z0-9._-] to a hyphen. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
}

/** The context window a name's suffix states: "-128k" → 128,000, "-1M" → 1,000,000 (k = 1,000). */
export function contextWindowOf(model: string): number | undefined {
  const m = /-(\d+(?:\.\d+)?)([kKmM])$/.exec(model.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1000 : 1_000_000);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** OpenAI's encodings: o200k_base for the GPT-4o/GPT-5 generation chat models, cl100k_base for its embeddings. */
export function tokenizerOf(brandSlug: string, section: SectionKey): 'o200k_base' | 'cl100k_base' | undefined {
  if (brandSlug !== 'openai' && brandSlug !== 'azure') return undefined;
  if (section === 'llm') return 'o200k_base';
  if (section === 'embedding' && brandSlug === 'openai') return 'cl100k_base';
  return undefined;
}
