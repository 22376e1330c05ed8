// The product page: a chat with a canned local assistant. Each exchange is counted with the
// tokenizer, recorded on the reference host through the SDK, and shown by the elements: a badge
// per reply, the chat's total, the balance and the usage.
import '../src/elements/chat-cost/index.js';
import '../src/elements/balance/index.js';
import '../src/elements/usage/index.js';
import { chatTurnUsage, type ChatTurn } from '../src/core/index.js';
import { PaymentRequiredError, ForbiddenError, type UsageEventRequest } from '../src/sdk/index.js';
import { client, demoTopUp } from './demo-client.js';
import { countChatTurn, countTokens, type ChatMessage } from '../src/tokenizer/index.js';
import { cannedReply } from './product-responder.js';
import { pageLanguage } from './site.js';

const SERVICE = 'openai/gpt-4o';
const TOOL = 'meingpt/tool-call';
// What the platform sends first with every message; a real model is billed for it each time.
const SYSTEM_PROMPT = 'You are the assistant of a Kestrel workspace. Answer briefly. Search the web when a question needs current facts, and say which sources you used.';
// Before the first reply the draft estimate assumes a reply of the canned replies' typical length
// (20–55 tokens; a real model's 300 would make every estimate look 7× off); then this chat's average.
const FIRST_REPLY_TOKENS = 40;



const language = pageLanguage();
const TEXT = {
  en: {
    you: 'You',
    assistant: 'Kestrel',
    paused: 'No credits left: AI is paused until credits are loaded. Top up in the balance card.',
    limit: (detail: string) => `A limit or budget is used up: ${detail}`,
    failed: (detail: string) => `The message could not be recorded: ${detail}`,
    topUpRefused: (status: number) => `Top-up refused (HTTP ${status}).`,
  },
  de: {
    you: 'Sie',
    assistant: 'Kestrel',
    paused: 'Keine Credits mehr: Die KI ist pausiert, bis Credits aufgeladen werden. Laden Sie im Guthaben auf.',
    limit: (detail: string) => `Ein Limit oder Budget ist aufgebraucht: ${detail}`,
    failed: (detail: string) => `Die Nachricht konnte nicht erfasst werden: ${detail}`,
    topUpRefused: (status: number) => `Aufladung abgelehnt (HTTP ${status}).`,
  },
}[language];

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const chatTotal = $('#chat-total') as HTMLElementTagNameMap['credit-chat-cost'];
const draftCost = $('#draft-cost') as HTMLElementTagNameMap['credit-chat-cost'];
const balance = $('#balance') as HTMLElementTagNameMap['credit-balance'];
const usage = $('#usage') as HTMLElementTagNameMap['credit-usage'];
const messages = $<HTMLOListElement>('#messages');
const composer = $<HTMLFormElement>('#composer');
const draft = $<HTMLTextAreaElement>('#draft');
const notice = $<HTMLParagraphElement>('#notice');

const chatId = `demo-${new Date().toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`;
const history: ChatMessage[] = [];
/** Reply tokens and tool calls of the replies so far: the next estimate expects their average. */
const replies: { tokens: number; toolCalls: number }[] = [];

for (const el of [chatTotal, draftCost, balance, usage]) el.client = client;
chatTotal.chatId = chatId;
Object.assign(draftCost, { service: SERVICE, systemPrompt: SYSTEM_PROMPT, toolService: TOOL, messages: [] });
expectFromReplies();

/** The draft estimate's assumptions: this chat's average reply and tool calls so far. */
function expectFromReplies(): void {
  const average = (pick: (r: (typeof replies)[number]) => number) => Math.round(replies.reduce((sum, r) => sum + pick(r), 0) / replies.length);
  draftCost.expectedOutputTokens = replies.length ? average((r) => r.tokens) : FIRST_REPLY_TOKENS;
  draftCost.expectedToolCalls = replies.length ? average((r) => r.toolCalls) : 0;
}

// The suggestions of the empty chat fill the composer; the empty state goes with the first message.
for (const chip of document.querySelectorAll<HTMLButtonElement>('[data-suggest]')) {
  chip.addEventListener('click', () => {
    draft.value = chip.dataset['suggest'] ?? '';
    draftCost.draft = draft.value;
    draft.focus();
  });
}
$<HTMLButtonElement>('#new-chat').addEventListener('click', () => location.reload());

draft.addEventListener('input', () => {
  draftCost.draft = draft.value;
});

function appendMessage(who: 'user' | 'assistant', text: string): HTMLLIElement {
  $('#empty').setAttribute('hidden', '');
  const li = document.createElement('li');
  li.className = `message ${who}`;
  const name = document.createElement('span');
  name.className = 'who';
  name.textContent = who === 'user' ? TEXT.you : TEXT.assistant;
  const p = document.createElement('p');
  p.textContent = text;
  if (who === 'assistant') {
    const avatar = document.createElement('span');
    avatar.className = 'avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = 'K';
    li.append(avatar);
  }
  li.append(name, p);
  messages.append(li);
  return li;
}

async function send(text: string): Promise<void> {
  notice.textContent = '';
  const reply = cannedReply(text, language);
  // One count of what the model is sent (system prompt, conversation so far, this message), used
  // for the estimate the draft badge showed and for the bill: they differ only by the reply and
  // the tool calls, which were not known before sending.
  const [input, output] = await Promise.all([
    countChatTurn({ system: SYSTEM_PROMPT, history, message: text }, { model: 'gpt-4o' }),
    countTokens(reply.text, { model: 'gpt-4o' }),
  ]);
  const counted = { service: SERVICE, systemTokens: input.systemTokens, historyTokens: input.historyTokens, messageTokens: input.messageTokens, toolService: TOOL };
  const estimated: ChatTurn = { ...counted, replyTokens: draftCost.expectedOutputTokens, toolCalls: draftCost.expectedToolCalls };
  const billed: ChatTurn = { ...counted, replyTokens: output.tokens, toolCalls: reply.toolCalls };
  appendMessage('user', text);
  try {
    // (core's Usage types images as a readonly list, the contract's as a mutable one; a turn has none)
    const records = chatTurnUsage(billed) as UsageEventRequest['records'];
    await client.recordUsage({ chatId, records }, { idempotencyKey: crypto.randomUUID() });
  } catch (error) {
    notice.textContent =
      error instanceof PaymentRequiredError
        ? TEXT.paused
        : error instanceof ForbiddenError
          ? TEXT.limit(error.problem?.detail ?? error.message)
          : TEXT.failed((error as Error).message);
    void balance.refresh();
    return;
  }
  history.push({ role: 'user', content: text }, { role: 'assistant', content: reply.text });
  replies.push({ tokens: output.tokens, toolCalls: reply.toolCalls });
  // A new array: the draft badge counts the conversation again for the next message.
  draftCost.messages = [...history];
  expectFromReplies();
  const li = appendMessage('assistant', reply.text);
  const badge = document.createElement('credit-chat-cost');
  badge.client = client;
  badge.scope = 'message';
  badge.turn = billed;
  badge.estimateTurn = estimated;
  li.append(badge);
  await Promise.all([chatTotal.refresh(), balance.refresh(), usage.refresh()]);
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = draft.value.trim();
  if (!text) return;
  draft.value = '';
  draftCost.draft = '';
  void send(text);
});

// The balance card's call to action: the demo host loads 1,000 credits (a real platform would open its checkout).
balance.addEventListener('credit-top-up', async () => {
  const response = await demoTopUp();
  notice.textContent = response.ok ? '' : TEXT.topUpRefused(response.status);
  await Promise.all([balance.refresh(), usage.refresh()]);
});
