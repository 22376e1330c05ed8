// The strings every creditkit element shares, in English and German. Element-specific strings
// live beside each element in `<name>.strings.ts`.
import type { Language } from './locale.js';

/** Units a catalog quotes prices in (mirrors core's UNITS keys; i18n depends on nothing). */
export type UnitId = 'tokens-1k' | 'tokens-1m' | 'seconds-60' | 'characters-1k' | 'requests' | 'images' | 'token-days-1k';

export interface CommonStrings {
  credit: string;
  credits: string;
  /** "/ 1K tokens": the unit a price is quoted per, without the word credits. */
  perUnit: Record<UnitId, string>;
  notOffered: string;
  free: string;
  /** Prefix of an estimate: "estimate ≈". */
  estimate: string;
  loading: string;
  error: string;
  retry: string;
  offline: string;
  /** Data shown is older than the last failed refresh. */
  stale: string;
  keyModes: { platform: string; own: string };
  /** Names of the service tiers a request can ask for (core's SERVICE_TIERS). */
  serviceTiers: { standard: string; batch: string; flex: string; priority: string };
  /** A long-context tier: "priced above 200K tokens" (the threshold as formatContextWindow writes it). */
  pricedAbove: (tokens: string) => string;
  /** The same where the threshold is not known (a host's charge shown without its catalog). */
  longContextPrice: string;
  /** A line priced at another price where the catalog lists none of its own (a cache write at the input price). */
  atPriceOf: { input: string; output: string };
  /** Why data could not be loaded, when it was a limit: it took longer than {seconds}, it was larger than {size}. */
  loadTimeout: (seconds: string) => string;
  loadTooLarge: (size: string) => string;
  /** The footnote under lines rounded by largest remainder (roundingFootnote). */
  roundedToTotal: string;
  /** Names of the billing types of the shipped catalogs, by id; a catalog's own name is the fallback. */
  billingTypes: Record<string, string>;
  /** Said (not shown) for "≈" before an amount in a second currency. */
  approximately: string;
  /**
   * The note under amounts in a second currency: the rate ("1 EUR = 1.0843 USD"), who published it
   * and when ("ECB, Dec 1, 2026"), and the currency that is charged.
   */
  exchangeNote: (rate: string, published: string, billed: string) => string;
}

const en: CommonStrings = {
  credit: 'credit',
  credits: 'credits',
  perUnit: {
    'tokens-1k': '/ 1K tokens',
    'tokens-1m': '/ 1M tokens',
    'seconds-60': '/ 60 s',
    'characters-1k': '/ 1,000 characters',
    requests: '/ request',
    images: '/ image',
    'token-days-1k': '/ 1K tokens / day',
  },
  notOffered: 'not offered',
  free: 'free',
  estimate: 'estimate ≈',
  loading: 'Loading…',
  error: 'Something went wrong.',
  retry: 'Retry',
  offline: 'You are offline.',
  stale: 'These figures may be out of date.',
  keyModes: { platform: 'Platform key', own: 'Own key' },
  serviceTiers: { standard: 'Standard', batch: 'Batch', flex: 'Flex', priority: 'Priority' },
  pricedAbove: (tokens) => `priced above ${tokens} tokens`,
  longContextPrice: 'long-context price',
  atPriceOf: { input: 'at the input price', output: 'at the output price' },
  loadTimeout: (seconds) => `The server did not answer within ${seconds} seconds.`,
  loadTooLarge: (size) => `The file is larger than ${size} and was not loaded.`,
  roundedToTotal: 'Lines are rounded so that they add up to the total.',
  approximately: 'about',
  exchangeNote: (rate, published, billed) => `≈ amounts at ${rate} (${published}), for information only: charges are in ${billed}.`,
  billingTypes: {
    'llm-text-chat': 'LLM text chat',
    'llm-audio-chat': 'LLM audio chat',
    asr: 'Speech recognition (ASR)',
    tts: 'Text to speech (TTS)',
    'knowledge-indexing': 'Knowledge indexing (embedding)',
    'knowledge-storage': 'Knowledge storage',
    'knowledge-reranking': 'Knowledge reranking',
    'tool-invocation': 'Tool calls',
    'database-processing': 'Database processing',
    'question-recognition': 'Question recognition',
    'content-moderation': 'Content moderation',
    'image-generation': 'Image generation',
    workflow: 'Workflows',
  },
};

const de: CommonStrings = {
  credit: 'Credit',
  credits: 'Credits',
  perUnit: {
    'tokens-1k': '/ 1K Tokens',
    'tokens-1m': '/ 1M Tokens',
    'seconds-60': '/ 60 s',
    'characters-1k': '/ 1.000 Zeichen',
    requests: '/ Anfrage',
    images: '/ Bild',
    'token-days-1k': '/ 1K Tokens / Tag',
  },
  notOffered: 'nicht angeboten',
  free: 'kostenlos',
  estimate: 'Schätzung ≈',
  loading: 'Wird geladen…',
  error: 'Etwas ist schiefgegangen.',
  retry: 'Erneut versuchen',
  offline: 'Sie sind offline.',
  stale: 'Diese Zahlen sind möglicherweise veraltet.',
  keyModes: { platform: 'Plattform-Schlüssel', own: 'Eigener Schlüssel' },
  serviceTiers: { standard: 'Standard', batch: 'Batch', flex: 'Flex', priority: 'Priorität' },
  pricedAbove: (tokens) => `Preis über ${tokens} Tokens`,
  longContextPrice: 'Preis für langen Kontext',
  atPriceOf: { input: 'zum Eingabepreis', output: 'zum Ausgabepreis' },
  loadTimeout: (seconds) => `Der Server hat nicht innerhalb von ${seconds} Sekunden geantwortet.`,
  loadTooLarge: (size) => `Die Datei ist größer als ${size} und wurde nicht geladen.`,
  roundedToTotal: 'Die Zeilen sind so gerundet, dass sie die Summe ergeben.',
  approximately: 'etwa',
  exchangeNote: (rate, published, billed) => `≈-Beträge zum Kurs ${rate} (${published}), nur zur Information: abgerechnet wird in ${billed}.`,
  billingTypes: {
    'llm-text-chat': 'LLM-Text-Chat',
    'llm-audio-chat': 'LLM-Audio-Chat',
    asr: 'Spracherkennung (ASR)',
    tts: 'Sprachausgabe (TTS)',
    'knowledge-indexing': 'Wissensindexierung (Embedding)',
    'knowledge-storage': 'Wissensspeicher',
    'knowledge-reranking': 'Wissens-Reranking',
    'tool-invocation': 'Tool-Aufrufe',
    'database-processing': 'Datenbankverarbeitung',
    'question-recognition': 'Fragenerkennung',
    'content-moderation': 'Inhaltsmoderation',
    'image-generation': 'Bilderzeugung',
    workflow: 'Workflows',
  },
};

const TABLES: Record<Language, CommonStrings> = { en, de };

export function commonStrings(language: Language): CommonStrings {
  return TABLES[language];
}

/** "credits / 1K tokens", "Credits / 1.000 Zeichen". */
export function unitLabel(unit: UnitId, language: Language): string {
  const strings = TABLES[language];
  return `${strings.credits} ${strings.perUnit[unit]}`;
}

/** The localized name of a billing type, or the catalog's own name for an id we do not know. */
export function billingTypeName(id: string, language: Language, catalogName?: string): string {
  return TABLES[language].billingTypes[id] ?? catalogName ?? id;
}

/**
 * A per-element string table: `defineStrings({ en: {...}, de: {...} })` checks at compile time
 * that both languages have the same keys, and returns a lookup by language.
 */
export function defineStrings<T extends object>(tables: Record<Language, T>): (language: Language) => T {
  return (language) => tables[language];
}
