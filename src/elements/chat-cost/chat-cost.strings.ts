// <credit-chat-cost>'s own strings; the shared ones (credits, retry, billing types) are in src/i18n.
import { defineStrings } from '../../i18n/index.js';
import type { ChatTurnPart, QuantityKind } from '../../core/index.js';

export interface ChatCostStrings {
  /** "This chat cost {credits} ({money})": the parts around the amounts. */
  cost: (credits: string, money: string) => string;
  /** The same for one message (`scope="message"`). */
  messageCost: (credits: string, money: string) => string;
  estimate: (credits: string, money: string) => string;
  /** "estimated 2.10 → billed 2.65". */
  estimatedBilled: (estimated: string, billed: string) => string;
  /** Announced once when the billed cost replaces an estimate. */
  billedAnnouncement: (credits: string, estimated: string) => string;
  loading: string;
  empty: string;
  error: string;
  caption: string;
  messageCaption: string;
  estimateCaption: string;
  item: string;
  quantity: string;
  creditsColumn: string;
  total: string;
  /** Label of a quantity kind; requests are named by their billing type instead. */
  kinds: Record<QuantityKind, string>;
  /** Labels of a chat turn's parts, as billed. */
  parts: Record<ChatTurnPart, string>;
  /** The parts an estimate can only assume. */
  expectedParts: Record<'reply' | 'toolCalls', string>;
  /** "523 tokens" / "2 calls": the quantity of a turn's part. */
  tokens: (count: string, one: boolean) => string;
  calls: (count: string, one: boolean) => string;
  /** Under an estimate: what it assumes. */
  assumptionNote: string;
  /** The display rule: each line rounded so that the lines add up to the total shown. */
  roundingNote: string;
  adjustment: string;
  lessThan: (amount: string) => string;
}

export const chatCostStrings = defineStrings<ChatCostStrings>({
  en: {
    cost: (credits, money) => `This chat cost ${credits} (${money})`,
    messageCost: (credits, money) => `This message cost ${credits} (${money})`,
    estimate: (credits, money) => `Estimated cost: about ${credits} (${money})`,
    estimatedBilled: (estimated, billed) => `estimated ${estimated} → billed ${billed}`,
    billedAnnouncement: (credits, estimated) => `Billed ${credits}; estimated ${estimated}.`,
    loading: 'Loading the cost of this chat…',
    empty: 'No usage recorded for this chat yet.',
    error: 'The cost of this chat could not be shown.',
    caption: 'What this chat cost, line by line',
    messageCaption: 'What this message cost, line by line',
    estimateCaption: 'Estimated cost, line by line',
    item: 'Item',
    quantity: 'Quantity',
    creditsColumn: 'Credits',
    total: 'Total',
    kinds: {
      inputTokens: 'Input tokens',
      cachedInputTokens: 'Cache reads',
      cacheWriteTokens: 'Cache writes (5 min)',
      cacheWrite1hTokens: 'Cache writes (1 h)',
      reasoningTokens: 'Reasoning tokens',
      webSearches: 'Web searches',
      imageTokens: 'Image input tokens',
      outputTokens: 'Output tokens',
      audioSeconds: 'Audio seconds',
      audioOutputSeconds: 'Audio output seconds',
      audioInputTokens: 'Audio input tokens',
      audioOutputTokens: 'Audio output tokens',
      generatedImages: 'Generated images',
      characters: 'Characters',
      requests: 'Requests',
      tokenDays: 'Token-days stored',
    },
    parts: { system: 'System prompt', history: 'Conversation so far', message: 'Your message', reply: 'Reply', toolCalls: 'Tool calls' },
    expectedParts: { reply: 'Expected reply', toolCalls: 'Expected tool calls' },
    tokens: (n, one) => `${n} ${one ? 'token' : 'tokens'}`,
    calls: (n, one) => `${n} ${one ? 'call' : 'calls'}`,
    assumptionNote: 'The conversation so far is sent again with every message. The reply and tool calls are assumed; the rest is counted.',
    roundingNote: 'Lines are rounded so that they add up to the total.',
    adjustment: 'Rounding',
    lessThan: (amount) => `less than ${amount}`,
  },
  de: {
    cost: (credits, money) => `Dieser Chat kostete ${credits} (${money})`,
    messageCost: (credits, money) => `Diese Nachricht kostete ${credits} (${money})`,
    estimate: (credits, money) => `Geschätzte Kosten: etwa ${credits} (${money})`,
    estimatedBilled: (estimated, billed) => `geschätzt ${estimated} → abgerechnet ${billed}`,
    billedAnnouncement: (credits, estimated) => `Abgerechnet ${credits}; geschätzt ${estimated}.`,
    loading: 'Kosten dieses Chats werden geladen…',
    empty: 'Für diesen Chat ist noch keine Nutzung erfasst.',
    error: 'Die Kosten dieses Chats können nicht angezeigt werden.',
    caption: 'Kosten dieses Chats, Posten für Posten',
    messageCaption: 'Kosten dieser Nachricht, Posten für Posten',
    estimateCaption: 'Geschätzte Kosten, Posten für Posten',
    item: 'Posten',
    quantity: 'Menge',
    creditsColumn: 'Credits',
    total: 'Summe',
    kinds: {
      inputTokens: 'Eingabe-Tokens',
      cachedInputTokens: 'Cache-Lesezugriffe',
      cacheWriteTokens: 'Cache-Schreibvorgänge (5 Min.)',
      cacheWrite1hTokens: 'Cache-Schreibvorgänge (1 Std.)',
      reasoningTokens: 'Reasoning-Tokens',
      webSearches: 'Websuchen',
      imageTokens: 'Bild-Eingabe-Tokens',
      outputTokens: 'Ausgabe-Tokens',
      audioSeconds: 'Audio-Sekunden',
      audioOutputSeconds: 'Audio-Ausgabe-Sekunden',
      audioInputTokens: 'Audio-Eingabe-Tokens',
      audioOutputTokens: 'Audio-Ausgabe-Tokens',
      generatedImages: 'Erzeugte Bilder',
      characters: 'Zeichen',
      requests: 'Anfragen',
      tokenDays: 'Gespeicherte Token-Tage',
    },
    parts: { system: 'Systemprompt', history: 'Bisheriger Verlauf', message: 'Ihre Nachricht', reply: 'Antwort', toolCalls: 'Tool-Aufrufe' },
    expectedParts: { reply: 'Erwartete Antwort', toolCalls: 'Erwartete Tool-Aufrufe' },
    tokens: (n, one) => `${n} ${one ? 'Token' : 'Tokens'}`,
    calls: (n, one) => `${n} ${one ? 'Aufruf' : 'Aufrufe'}`,
    assumptionNote: 'Der bisherige Verlauf wird mit jeder Nachricht erneut gesendet. Antwort und Tool-Aufrufe sind angenommen, alles andere ist gezählt.',
    roundingNote: 'Die Posten sind so gerundet, dass sie die Summe ergeben.',
    adjustment: 'Rundung',
    lessThan: (amount) => `weniger als ${amount}`,
  },
});
