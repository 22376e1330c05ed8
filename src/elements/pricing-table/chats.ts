// "1,000 credits buy ≈ 944 chats": how many typical chats (so many input and so many output
// tokens each) a number of credits pays for at a model's input and output prices. Exact in
// integers like core's unitsForCredits (no Decimal at first paint), rounded down.
import { scaledInteger } from '../../core/decimal-text.js';

export interface TypicalChat {
  inputTokens: number;
  outputTokens: number;
}

/** The typical chat the table assumes unless the page declares another. */
export const DEFAULT_CHAT: TypicalChat = { inputTokens: 1500, outputTokens: 500 };

/**
 * Whole chats that `credits` buy at `inputPrice` / `outputPrice` credits per `unitSize` tokens;
 * null when a chat costs nothing (unlimited).
 * credits ÷ ((in × pIn + out × pOut) ÷ unitSize), every decimal scaled to one integer scale.
 */
export function chatsForCredits(credits: string, unitSize: number, chat: TypicalChat, inputPrice: string, outputPrice: string): string | null {
  const [c, cs] = scaledInteger(credits);
  const [a, as] = scaledInteger(inputPrice);
  const [b, bs] = scaledInteger(outputPrice);
  const s = Math.max(as, bs);
  // cost of a chat × unitSize × 10^s, an integer
  const cost = BigInt(chat.inputTokens) * a * 10n ** BigInt(s - as) + BigInt(chat.outputTokens) * b * 10n ** BigInt(s - bs);
  if (cost === 0n) return null;
  // (c / 10^cs) / (cost / (unitSize × 10^s)) = c × unitSize × 10^s / (cost × 10^cs)
  return ((c * BigInt(unitSize) * 10n ** BigInt(s)) / (cost * 10n ** BigInt(cs))).toString();
}

/** `chat-input-tokens` / `chat-output-tokens`: a whole number of tokens ≥ 0, else the default. */
export function tokensOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}
