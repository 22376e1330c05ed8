// One chat turn (a message sent and its reply) priced by what it is made of. A model bills the
// whole conversation as input every time: the system prompt, the history sent again and the new
// message, then the reply as output, and the platform adds the tool calls. An estimate of the
// next message and the bill of the last one are the same ChatTurn with the reply and the tool
// calls either expected or as they came, so the two differ only by what could not be known.
import { UNITS } from '../catalog/schema.js';
import type { Catalog } from '../catalog/schema.js';
import { Decimal, toPlain } from '../decimal.js';
import { describeValue } from '../describe.js';
import { UsageError, type Issue } from '../errors.js';
import type { Charge, ChargeLine } from './charge.js';
import { divide, toDecimalString } from './exact.js';
import { rate } from './rate.js';
import type { Usage } from './usage.js';

export interface ChatTurn {
  /** The chat model (id, alias or name). */
  service: string;
  /** @default the catalog's default key mode */
  keyMode?: string;
  /** Input tokens of the system prompt, sent with every message. */
  systemTokens: number;
  /** Input tokens of the conversation so far, sent again as input with every message. */
  historyTokens: number;
  /** Input tokens of the new message, with the chat format's overhead and the reply's priming. */
  messageTokens: number;
  /** Output tokens of the reply: expected (an estimate) or counted (a bill). */
  replyTokens: number;
  /** Tool calls made for the reply, expected or counted; priced by `toolService`. @default 0 */
  toolCalls?: number;
  /** The service a tool call is priced by (a `requests` service such as `meingpt/tool-call`). */
  toolService?: string;
}

/** The parts of a turn, in the order a breakdown lists them. */
export const CHAT_TURN_PARTS = ['system', 'history', 'message', 'reply', 'toolCalls'] as const;
export type ChatTurnPart = (typeof CHAT_TURN_PARTS)[number];

export interface ChatTurnLine {
  /** What the line is; `adjustment` is what the catalog's rounding policy adds or takes. */
  part: ChatTurnPart | 'adjustment';
  /** Tokens (tool calls for `toolCalls`), a decimal string; "" for the adjustment. */
  quantity: string;
  /** Exact credits of the part; the lines add up to `charge.credits`. */
  credits: string;
}

export interface ChatTurnCharge {
  /** The usage records of the turn, as a host records them. */
  usage: Usage[];
  /** The records priced by `rate`: the billed total. */
  charge: Charge;
  /** The charge split by part. Input parts with no tokens (no system prompt, no history yet) are left out. */
  lines: ChatTurnLine[];
}

const TOKEN_FIELDS = ['systemTokens', 'historyTokens', 'messageTokens', 'replyTokens'] as const;

function turnIssues(turn: unknown): Issue[] {
  if (turn === null || typeof turn !== 'object') return [{ path: '', message: `expected a chat turn object, got ${describeValue(turn)}` }];
  const t = turn as Record<string, unknown>;
  const issues: Issue[] = [];
  if (typeof t.service !== 'string' || t.service === '') issues.push({ path: 'service', message: `expected a service id, got ${describeValue(t.service)}` });
  for (const field of [...TOKEN_FIELDS, 'toolCalls'] as const) {
    const value = t[field];
    if (value === undefined && field === 'toolCalls') continue;
    if (!(Number.isSafeInteger(value) && (value as number) >= 0)) issues.push({ path: field, message: `expected a whole number ≥ 0, got ${describeValue(value)}` });
  }
  if (typeof t.toolCalls === 'number' && t.toolCalls > 0 && (typeof t.toolService !== 'string' || t.toolService === '')) {
    issues.push({ path: 'toolService', message: 'is needed to price the tool calls' });
  }
  return issues;
}

/**
 * The usage records of a turn: the model's input (system + history + message) and output
 * (the reply), and the tool calls as requests of `toolService`.
 * @throws UsageError naming the field when a count is not a whole number ≥ 0.
 */
export function chatTurnUsage(turn: ChatTurn): Usage[] {
  const issues = turnIssues(turn);
  if (issues.length) throw new UsageError(issues, 'invalid chat turn');
  const keyMode = turn.keyMode === undefined ? {} : { keyMode: turn.keyMode };
  const usage: Usage[] = [
    { service: turn.service, ...keyMode, inputTokens: turn.systemTokens + turn.historyTokens + turn.messageTokens, outputTokens: turn.replyTokens },
  ];
  if (turn.toolCalls) usage.push({ service: turn.toolService!, ...keyMode, requests: turn.toolCalls });
  return usage;
}

/** Exact credits of `tokens` at the price of a charge line (after caps, in the line's tier). */
function atPriceOf(line: ChargeLine, tokens: number): string {
  return toDecimalString(divide(new Decimal(tokens).times(line.unitPrice), UNITS[line.unit].per));
}

/**
 * Prices a turn with `rate` (the bill) and splits the charge into labelled lines: system prompt,
 * conversation so far and message at the model's input price, the reply at its output price,
 * the tool calls at theirs. Where the catalog's rounding policy makes the bill differ from the
 * exact parts, an `adjustment` line holds the difference, so the lines always add up.
 * @throws UsageError, NotOfferedError, UnknownServiceError as `rate` does.
 */
export function rateChatTurn(catalog: Catalog, turn: ChatTurn): ChatTurnCharge {
  const usage = chatTurnUsage(turn);
  const charge = rate(catalog, usage);
  // The model's lines are the first ones rate writes for the first record; the tool calls' follow.
  const input = charge.lines.find((l) => l.kind === 'inputTokens')!;
  const output = charge.lines.find((l) => l.kind === 'outputTokens' && l.service === input.service)!;
  const lines: ChatTurnLine[] = [];
  const inputParts = [
    ['system', turn.systemTokens],
    ['history', turn.historyTokens],
    ['message', turn.messageTokens],
  ] as const;
  for (const [part, tokens] of inputParts) {
    if (tokens > 0 || part === 'message') lines.push({ part, quantity: String(tokens), credits: atPriceOf(input, tokens) });
  }
  lines.push({ part: 'reply', quantity: String(turn.replyTokens), credits: atPriceOf(output, turn.replyTokens) });
  const tools = turn.toolCalls ? charge.lines.find((l) => l.kind === 'requests') : undefined;
  if (tools) lines.push({ part: 'toolCalls', quantity: tools.quantity, credits: tools.exactCredits ?? tools.credits });
  const difference = new Decimal(charge.credits).minus(lines.reduce((sum, l) => sum.plus(l.credits), new Decimal(0)));
  if (!difference.isZero()) lines.push({ part: 'adjustment', quantity: '', credits: toPlain(difference) });
  return { usage, charge, lines };
}
