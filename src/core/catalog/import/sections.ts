// The sections of a published price list (GPTBots' English and German editions): how a heading
// is recognised, which billing type and unit its rows get, and which price each column holds.
import type { PriceKey, Unit } from '../schema.js';

export type SectionKey = 'llm' | 'embedding' | 'rerank' | 'asr' | 'tts' | 'moderation' | 'storage';

export interface SectionSpec {
  key: SectionKey;
  /** A heading line (alone on its line, no prices) that opens the section. */
  heading: RegExp;
  billingType: string;
  unit: Unit;
  /** The price key of a one-price-per-key-mode section; LLM rows have input and output. */
  priceKeys: readonly PriceKey[];
}

export const SECTIONS: Record<SectionKey, SectionSpec> = {
  llm: { key: 'llm', heading: /^LLM[- ]Service[- ](Pricing|Preise)$/i, billingType: 'llm-text-chat', unit: 'tokens-1k', priceKeys: ['input', 'output'] },
  embedding: { key: 'embedding', heading: /^Embedding[- ]Service[- ](Pricing|Preise)$/i, billingType: 'knowledge-indexing', unit: 'tokens-1k', priceKeys: ['input'] },
  rerank: { key: 'rerank', heading: /^Rerank[- ]Service[- ](Pricing|Preise)$/i, billingType: 'knowledge-reranking', unit: 'tokens-1k', priceKeys: ['input'] },
  asr: { key: 'asr', heading: /^ASR[- ]Service[- ](Pricing|Preise)$/i, billingType: 'asr', unit: 'seconds-60', priceKeys: ['audio'] },
  tts: { key: 'tts', heading: /^TTS[- ]Service[- ](Pricing|Preise)$/i, billingType: 'tts', unit: 'characters-1k', priceKeys: ['characters'] },
  moderation: {
    key: 'moderation',
    heading: /^(Content[- ]Moderation[- ]Service[- ]Pricing|Inhaltsmoderation(s-Service-Preise)?|Content-Moderation-Service-Preise)$/i,
    billingType: 'content-moderation',
    unit: 'requests',
    priceKeys: ['request'],
  },
  storage: { key: 'storage', heading: /^(Vector Storage|Vektor-Speicher)$/i, billingType: 'knowledge-storage', unit: 'token-days-1k', priceKeys: ['storage'] },
};

export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

export function isSectionKey(text: string): text is SectionKey {
  return (SECTION_KEYS as string[]).includes(text);
}

/** The section a heading line opens, if it is one. */
export function sectionOfHeading(line: string): SectionKey | undefined {
  const text = line.trim();
  return SECTION_KEYS.find((key) => SECTIONS[key].heading.test(text));
}

/** Headings after which the list has no more price tables (the FAQ). */
export const END_OF_TABLES = /^(FAQ|Häufig gestellte Fragen)$/i;

/** Units named by a section's note ("Note: … measured in "credits / 1K Tokens"."), most specific first. */
const NOTE_UNITS: [RegExp, Unit][] = [
  [/1\s*K\s*Tokens?\s*\/\s*(day|Tag)|1\.000\s*Tokens?\s*\/\s*Tag/i, 'token-days-1k'],
  [/1\s*M\s*Tokens|1[.,]000[.,]000\s*Tokens/i, 'tokens-1m'],
  [/1\s*K\s*Tokens|1[.,]?000\s*Tokens/i, 'tokens-1k'],
  [/60\s*(secs?|seconds|Sekunden)/i, 'seconds-60'],
  [/1[.,]?000\s*(chars|characters|Zeichen)/i, 'characters-1k'],
  [/per request|pro Anfrage/i, 'requests'],
];

/** The unit a note line states, if it is a note about the unit of prices. */
export function unitOfNote(line: string): Unit | undefined {
  if (!/credit/i.test(line)) return undefined;
  return NOTE_UNITS.find(([pattern]) => pattern.test(line))?.[1];
}

/** The billing types the sections use, described as GPTBots' list defines them. */
export const BILLING_TYPE_INFO: Record<string, { name: string; description?: string }> = {
  'llm-text-chat': { name: 'LLM Text Chat', description: 'Calling LLM with text and image input/output' },
  'llm-audio-chat': { name: 'LLM Audio Chat', description: 'Calling Audio LLM for audio input/output' },
  asr: { name: 'ASR Recognition', description: 'Using ASR Service to convert audio to text' },
  tts: { name: 'TTS Generation', description: 'Using TTS Service to convert text to audio' },
  'knowledge-indexing': { name: 'Knowledge Indexing', description: 'Using Knowledge Index to perform embedding on user questions and knowledge data' },
  'knowledge-storage': { name: 'Knowledge Storage', description: 'Uploading and storing knowledge data in the knowledge base' },
  'knowledge-reranking': { name: 'Knowledge Reranking', description: 'Using Rerank Service to rerank retrieved knowledge base results' },
  'content-moderation': { name: 'Content Moderation', description: 'Checking content with a moderation model' },
  'image-generation': { name: 'Image Generation', description: 'Generating images with a model' },
};
