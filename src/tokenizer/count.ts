// countTokens and countChat: exact counts for o200k_base / cl100k_base, estimates for the rest.
// Big texts go to a Web Worker; without one (Node) they are counted here in slices cut where
// counts add up exactly, yielding between slices so the event loop and `signal` stay live.
import { imageTokens } from '../core/images.js';
import { splitAtCuts } from './chunks.js';
import { loadEncoding, type EncodingName } from './encodings.js';
import { assertText, TokenizerError } from './errors.js';
import { ESTIMATE_METHOD, estimateRaw } from './estimate.js';
import { chooseEncoding, type EncodingOptions } from './models.js';
import { countInWorker } from './worker-client.js';

/** Texts longer than this (UTF-16 code units, ≈ 50 KB) are counted in a Web Worker where there is one. */
export const WORKER_THRESHOLD = 50_000;
/** Main-thread slices: long enough to amortise a yield, short enough (a few ms) to keep a page live. */
const SLICE = 65_536;

export interface CountOptions extends EncodingOptions {
  signal?: AbortSignal;
  /** true: always use the worker when there is one; false: never; default: above WORKER_THRESHOLD. */
  worker?: boolean;
}

export type TokenCount =
  | { tokens: number; exact: true; encoding: EncodingName }
  | { tokens: number; exact: false; method: typeof ESTIMATE_METHOD; reason?: string };

const estimate = (tokens: number, reason?: string): TokenCount => ({ tokens: Math.round(tokens), exact: false, method: ESTIMATE_METHOD, ...(reason && { reason }) });

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function countHere(text: string, encoding: EncodingName, signal?: AbortSignal): Promise<number> {
  const counter = await loadEncoding(encoding);
  if (text.length <= SLICE) return counter.count(text);
  let tokens = 0;
  for (const slice of splitAtCuts(text, SLICE)) {
    signal?.throwIfAborted();
    tokens += counter.count(slice);
    await yieldToEventLoop();
  }
  return tokens;
}

/**
 * Tokens of `text`. Exact (`{ exact: true, encoding }`) for OpenAI models and catalog entries
 * with a `tokenizer`; otherwise `{ exact: false, method, reason }` from the per-script estimate.
 * A rank file that fails to load (offline, CSP) also gives the estimate, with the reason.
 * Without model or encoding, o200k_base. Special-token strings in `text` count as plain text.
 * @throws TokenizerError when `text` is not a string; the signal's reason when aborted.
 */
export async function countTokens(text: string, options: CountOptions = {}): Promise<TokenCount> {
  assertText(text, 'countTokens');
  if (options === null || typeof options !== 'object') throw new TokenizerError('countTokens: options must be an object');
  const { signal } = options;
  signal?.throwIfAborted();
  const choice = await chooseEncoding(options);
  if (!('encoding' in choice)) return estimate(estimateRaw(text), choice.reason);
  const { encoding } = choice;
  if (options.worker ?? text.length > WORKER_THRESHOLD) {
    try {
      return { tokens: await countInWorker(text, encoding, signal), exact: true, encoding };
    } catch (error) {
      signal?.throwIfAborted();
      // No worker, or it failed: count on this thread instead (below).
      void error;
    }
  }
  try {
    return { tokens: await countHere(text, encoding, signal), exact: true, encoding };
  } catch (error) {
    signal?.throwIfAborted();
    return estimate(estimateRaw(text), `could not load ${encoding}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One chat message; content is text or parts (text, and images priced by the tile rule). */
export type ChatContentPart = { type: 'text'; text: string } | { type: 'image'; width: number; height: number; detail?: 'low' | 'high' | 'auto' };
export interface ChatMessage {
  role: string;
  content: string | readonly ChatContentPart[];
  name?: string;
}

/** The chat format's overhead (OpenAI cookbook, "How to count tokens"): per message, per name, and the reply's priming. */
export const CHAT_TOKENS_PER_MESSAGE = 3;
export const CHAT_TOKENS_PER_NAME = 1;
export const CHAT_REPLY_PRIMING = 3;

export type ChatCount = TokenCount & { perMessage: number[] };

/**
 * Prompt tokens of a chat: each message's role, content and name, plus 3 per message, 1 per
 * name and 3 for the reply's priming. Exact where `countTokens` is exact (images are always
 * exact by their rule).
 */
export async function countChat(messages: readonly ChatMessage[], options: CountOptions = {}): Promise<ChatCount> {
  if (!Array.isArray(messages)) throw new TokenizerError(`countChat: messages must be an array, got ${messages === null ? 'null' : typeof messages}`);
  const texts: string[] = [];
  const images: number[] = [];
  messages.forEach((message, i) => {
    const where = `countChat: messages[${i}]`;
    if (message === null || typeof message !== 'object') throw new TokenizerError(`${where} must be an object`);
    assertText(message.role, `${where}.role`);
    texts.push(message.role);
    if (message.name !== undefined) {
      assertText(message.name, `${where}.name`);
      texts.push(message.name);
    }
    let imageTotal = 0;
    if (typeof message.content === 'string') texts.push(message.content);
    else if (Array.isArray(message.content)) {
      (message.content as readonly ChatContentPart[]).forEach((part, j) => {
        if (part?.type === 'text') {
          assertText(part.text, `${where}.content[${j}].text`);
          texts.push(part.text);
        } else if (part?.type === 'image') imageTotal += imageTokens(part.width, part.height, part.detail === 'low' ? 'low' : 'tiles');
        else throw new TokenizerError(`${where}.content[${j}] must be { type: "text" } or { type: "image" }`);
      });
    } else throw new TokenizerError(`${where}.content must be a string or an array of parts`);
    images.push(imageTotal);
  });
  // Each string is counted on its own, as the chat format encodes it (one loaded encoding serves all).
  const counts = await Promise.all(texts.map((t) => countTokens(t, options)));
  const perMessage: number[] = [];
  let k = 0;
  messages.forEach((message, i) => {
    let tokens = CHAT_TOKENS_PER_MESSAGE + counts[k++]!.tokens; // role
    if (message.name !== undefined) tokens += counts[k++]!.tokens + CHAT_TOKENS_PER_NAME;
    if (typeof message.content === 'string') tokens += counts[k++]!.tokens;
    else for (const part of message.content) if (part.type === 'text') tokens += counts[k++]!.tokens;
    perMessage.push(tokens + images[i]!);
  });
  const tokens = perMessage.reduce((a, b) => a + b, 0) + CHAT_REPLY_PRIMING;
  const first = counts[0] ?? (await countTokens('', options));
  const inexact = counts.find((c) => !c.exact);
  if (inexact && !inexact.exact) return { tokens, exact: false, method: inexact.method, ...(inexact.reason && { reason: inexact.reason }), perMessage };
  return { ...first, tokens, perMessage } as ChatCount;
}
