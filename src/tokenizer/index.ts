// creditkit/tokenizer: token counts before pricing. Exact for o200k_base and cl100k_base (our
// count-only byte-pair merge over js-tiktoken's rank files, each loaded by its own dynamic
// import only when a count needs it), per-script estimates for every other model.
export { countTokens, countChat, WORKER_THRESHOLD, CHAT_TOKENS_PER_MESSAGE, CHAT_TOKENS_PER_NAME, CHAT_REPLY_PRIMING } from './count.js';
export type { CountOptions, TokenCount, ChatMessage, ChatContentPart, ChatCount } from './count.js';
export { countChatTurn, type ChatTurnText, type ChatTurnTokens } from './chat-turn.js';
export { estimateTokens, ESTIMATE_METHOD } from './estimate.js';
export { TokenCounter } from './token-counter.js';
export { chooseEncoding, DEFAULT_ENCODING, type EncodingOptions, type EncodingChoice } from './models.js';
export { ENCODINGS, isEncodingName, type EncodingName } from './encodings.js';
export { TokenizerError } from './errors.js';
export { imageTokens, IMAGE_BASE_TOKENS, IMAGE_TILE_TOKENS, IMAGE_TILE_SIZE, type ImageTokenRule } from '../core/images.js';
