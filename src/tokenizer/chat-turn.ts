// The input tokens of the next chat turn, by part: what a model will be sent when a message goes
// out (the system prompt, the conversation so far again, the new message). One countChat over the
// whole prompt, split by message, so the parts add up to exactly what countChat bills.
import type { ChatTurn } from '../core/rating/turn.js';
import { CHAT_REPLY_PRIMING, countChat, type ChatCount, type ChatMessage, type CountOptions } from './count.js';
import { TokenizerError } from './errors.js';

export interface ChatTurnText {
  /** The system prompt, sent first with every message. */
  system?: string;
  /** The conversation so far (user and assistant messages), sent again as input. */
  history?: readonly ChatMessage[];
  /** The new message; a string is the user's. */
  message: string | ChatMessage;
}

export type ChatTurnTokens = Pick<ChatTurn, 'systemTokens' | 'historyTokens' | 'messageTokens'> & {
  /** The whole prompt as countChat counts it: the three parts added up. */
  count: ChatCount;
};

/**
 * Input tokens of a turn by part. `messageTokens` includes the reply's priming (the few tokens
 * the chat format adds once per request). Exact where countChat is exact; `count.exact` says.
 * @throws TokenizerError when a part is not text or a chat message.
 */
export async function countChatTurn(turn: ChatTurnText, options: CountOptions = {}): Promise<ChatTurnTokens> {
  if (turn === null || typeof turn !== 'object') throw new TokenizerError('countChatTurn: expected { system?, history?, message }');
  const history = turn.history ?? [];
  if (!Array.isArray(history)) throw new TokenizerError('countChatTurn: history must be an array of chat messages');
  const message: ChatMessage = typeof turn.message === 'string' ? { role: 'user', content: turn.message } : turn.message;
  const system: ChatMessage[] = turn.system ? [{ role: 'system', content: turn.system }] : [];
  const count = await countChat([...system, ...history, message], options);
  const per = count.perMessage;
  const systemTokens = system.length ? per[0]! : 0;
  let historyTokens = 0;
  for (let i = system.length; i < per.length - 1; i++) historyTokens += per[i]!;
  return { systemTokens, historyTokens, messageTokens: per[per.length - 1]! + CHAT_REPLY_PRIMING, count };
}
