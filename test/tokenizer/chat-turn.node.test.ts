// The next chat turn counted and priced by part (issue 14.9): a hand-worked conversation on
// meinGPT's GPT-4o (300 credits / 1M input, 1,200 / 1M output, 0.5 a tool call).
//
// o200k_base tokens (each checked with gpt-tokenizer, an independent implementation):
//   "system" 1, "user" 1, "assistant" 1; "You are a helpful assistant." 6;
//   "What is the weather in Berlin?" 7; "Light rain, 9 °C." 8; "And tomorrow?" 3.
// The chat format adds 3 tokens per message and primes the reply with 3 (OpenAI cookbook):
//   system prompt   3 + 1 + 6                     = 10 tokens → 10 × 300 / 1M = 0.003
//   conversation    (3 + 1 + 7) + (3 + 1 + 8)      = 23 tokens → 0.0069
//   message         3 + 1 + 3, + 3 priming         = 10 tokens → 0.003
//   expected reply  40 tokens × 1,200 / 1M                    → 0.048
//   expected tools  1 call × 0.5                              → 0.5
//   total                                                      = 0.5609 credits
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { countTokens as independentCount } from 'gpt-tokenizer/encoding/o200k_base';
import { chatTurnUsage, parseCatalog, rate, rateChatTurn, UsageError, type ChatTurn } from '../../src/core/index.js';
import { countChat, countChatTurn, type ChatMessage } from '../../src/tokenizer/index.js';

const meingpt = parseCatalog(JSON.parse(readFileSync('catalog/meingpt.json', 'utf8')));
const SYSTEM = 'You are a helpful assistant.';
const HISTORY: ChatMessage[] = [
  { role: 'user', content: 'What is the weather in Berlin?' },
  { role: 'assistant', content: 'Light rain, 9 °C.' },
];
const MESSAGE = 'And tomorrow?';

test('the worked texts have the token counts the comment above works with (independent tokenizer)', () => {
  const counts = [SYSTEM, HISTORY[0]!.content as string, HISTORY[1]!.content as string, MESSAGE, 'system', 'user', 'assistant'].map((t) => independentCount(t));
  assert.deepEqual(counts, [6, 7, 8, 3, 1, 1, 1]);
});

test('countChatTurn: system 10, conversation so far 23, message 10 tokens; together what countChat bills', async () => {
  const turn = await countChatTurn({ system: SYSTEM, history: HISTORY, message: MESSAGE }, { model: 'gpt-4o' });
  assert.deepEqual([turn.systemTokens, turn.historyTokens, turn.messageTokens], [10, 23, 10]);
  const whole = await countChat([{ role: 'system', content: SYSTEM }, ...HISTORY, { role: 'user', content: MESSAGE }], { model: 'gpt-4o' });
  assert.equal(turn.systemTokens + turn.historyTokens + turn.messageTokens, whole.tokens);
  assert.equal(turn.count.exact, true);
});

test('countChatTurn: the first message of a chat without a system prompt has no system or history part', async () => {
  const turn = await countChatTurn({ message: MESSAGE }, { model: 'gpt-4o' });
  assert.deepEqual([turn.systemTokens, turn.historyTokens, turn.messageTokens], [0, 0, 10]);
});

test('rateChatTurn: each part a labelled line at its price, adding up to the bill of 0.5609 credits', () => {
  const turn: ChatTurn = { service: 'openai/gpt-4o', systemTokens: 10, historyTokens: 23, messageTokens: 10, replyTokens: 40, toolCalls: 1, toolService: 'meingpt/tool-call' };
  const { usage, charge, lines } = rateChatTurn(meingpt, turn);
  assert.deepEqual(usage, [
    { service: 'openai/gpt-4o', inputTokens: 43, outputTokens: 40 },
    { service: 'meingpt/tool-call', requests: 1 },
  ]);
  assert.deepEqual(lines, [
    { part: 'system', quantity: '10', credits: '0.003' },
    { part: 'history', quantity: '23', credits: '0.0069' },
    { part: 'message', quantity: '10', credits: '0.003' },
    { part: 'reply', quantity: '40', credits: '0.048' },
    { part: 'toolCalls', quantity: '1', credits: '0.5' },
  ]);
  assert.equal(charge.credits, '0.5609');
  assert.deepEqual(charge, rate(meingpt, usage)); // the same bill the engine makes of the records
});

test('estimate and bill of one turn differ only by the reply and the tool calls', () => {
  const counted = { service: 'openai/gpt-4o', systemTokens: 10, historyTokens: 23, messageTokens: 10, toolService: 'meingpt/tool-call' };
  const estimate = rateChatTurn(meingpt, { ...counted, replyTokens: 40, toolCalls: 1 });
  // The reply came back at 25 tokens (0.03 credits) after 2 tool calls (1 credit): 0.0129 + 0.03 + 1.
  const billed = rateChatTurn(meingpt, { ...counted, replyTokens: 25, toolCalls: 2 });
  assert.equal(billed.charge.credits, '1.0429');
  const differing = estimate.lines.filter((l, i) => l.credits !== billed.lines[i]!.credits).map((l) => l.part);
  assert.deepEqual(differing, ['reply', 'toolCalls']);
});

test('rateChatTurn: a rounding policy per total shows as an adjustment line, and the lines still add up', () => {
  const rounded = parseCatalog({ ...JSON.parse(readFileSync('catalog/meingpt.json', 'utf8')), rounding: { mode: 'total', decimals: 2, rounding: 'half-up' } });
  const { charge, lines } = rateChatTurn(rounded, { service: 'openai/gpt-4o', systemTokens: 10, historyTokens: 23, messageTokens: 10, replyTokens: 40 });
  // 0.0129 + 0.048 = 0.0609 → 0.06 billed: the adjustment is −0.0009.
  assert.equal(charge.credits, '0.06');
  assert.deepEqual(lines.at(-1), { part: 'adjustment', quantity: '', credits: '-0.0009' });
});

test('chatTurnUsage names what is wrong with a turn', () => {
  assert.throws(() => chatTurnUsage({ service: 'openai/gpt-4o', systemTokens: 0, historyTokens: -1, messageTokens: 2.5, replyTokens: 40 }), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.equal(error.message, 'invalid chat turn: historyTokens: expected a whole number ≥ 0, got -1; messageTokens: expected a whole number ≥ 0, got 2.5');
    return true;
  });
  assert.throws(() => chatTurnUsage({ service: 'openai/gpt-4o', systemTokens: 0, historyTokens: 0, messageTokens: 7, replyTokens: 0, toolCalls: 2 }), /toolService: is needed to price the tool calls/);
});
