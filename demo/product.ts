// The product page: a chat with a canned local assistant. Each exchange is counted with the
// tokenizer, recorded on the reference host through the SDK, and shown by the elements: a badge
// per reply, the chat's total, the balance and the usage.
import '../src/elements/chat-cost/index.js';
import '../src/elements/balance/index.js';
import '../src/elements/usage/index.js';
import type { Usage } from '../src/core/index.js';
import { createClient, PaymentRequiredError, ForbiddenError, type TokenRequest, type UsageEventRequest } from '../src/sdk/index.js';
import { countChat, countTokens, type ChatMessage } from '../src/tokenizer/index.js';
import { cannedReply } from './product-responder.js';

const SERVICE = 'openai/gpt-4o';
const TOOL = 'meingpt/tool-call';

// A short-lived demo token from the reference host's backend; a new one after a 401.
let token: { value: string; expiresAt: number } | undefined;
async function getToken({ forceRefresh, signal }: TokenRequest): Promise<string> {
  if (!forceRefresh && token && token.expiresAt - Date.now() > 60_000) return token.value;
  const response = await fetch('/api/demo/token', { method: 'POST', signal });
  if (!response.ok) throw new Error(`the demo host gave no token (HTTP ${response.status}); is it running (npm run dev)?`);
  const body = (await response.json()) as { token: string; expiresAt: string };
  token = { value: body.token, expiresAt: Date.parse(body.expiresAt) };
  return token.value;
}

const client = createClient({ baseUrl: '/api', getToken });

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

for (const el of [chatTotal, draftCost, balance, usage]) el.client = client;
chatTotal.chatId = chatId;

$<HTMLSelectElement>('#language').addEventListener('change', (e) => {
  document.documentElement.lang = (e.target as HTMLSelectElement).value;
});

draft.addEventListener('input', () => {
  draftCost.draft = draft.value;
});

function appendMessage(who: 'user' | 'assistant', text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `message ${who}`;
  const name = document.createElement('span');
  name.className = 'who';
  name.textContent = who === 'user' ? 'You' : 'Assistant (canned, no model called)';
  const p = document.createElement('p');
  p.textContent = text;
  li.append(name, p);
  messages.append(li);
  return li;
}

async function send(text: string): Promise<void> {
  notice.textContent = '';
  history.push({ role: 'user', content: text });
  appendMessage('user', text);
  const reply = cannedReply(text);
  // What a real call would be billed for: the whole conversation as input, the reply as output.
  const [input, output, typed] = await Promise.all([
    countChat(history, { model: 'gpt-4o' }),
    countTokens(reply.text, { model: 'gpt-4o' }),
    countTokens(text, { model: 'gpt-4o' }),
  ]);
  const records: UsageEventRequest['records'] = [{ service: SERVICE, inputTokens: input.tokens, outputTokens: output.tokens }];
  if (reply.toolCalls) records.push({ service: TOOL, requests: reply.toolCalls });
  // The estimate the draft badge showed: the typed text and the expected reply length.
  const estimated: Usage[] = [{ service: SERVICE, inputTokens: typed.tokens, outputTokens: draftCost.expectedOutputTokens }];
  try {
    await client.recordUsage({ chatId, records }, { idempotencyKey: crypto.randomUUID() });
  } catch (error) {
    history.pop();
    notice.textContent =
      error instanceof PaymentRequiredError
        ? 'No credits left: AI is paused until credits are loaded. (Use the top-up button.)'
        : error instanceof ForbiddenError
          ? `A limit or budget is used up: ${error.problem?.detail ?? error.message}`
          : `The message could not be recorded: ${(error as Error).message}`;
    void balance.refresh();
    return;
  }
  history.push({ role: 'assistant', content: reply.text });
  const li = appendMessage('assistant', reply.text);
  const badge = document.createElement('credit-chat-cost');
  badge.client = client;
  badge.scope = 'message';
  badge.usage = records;
  badge.estimateUsage = estimated;
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

$<HTMLButtonElement>('#top-up').addEventListener('click', async () => {
  const response = await fetch('/api/demo/top-up', {
    method: 'POST',
    headers: { authorization: `Bearer ${await getToken({ forceRefresh: false, signal: new AbortController().signal })}`, 'content-type': 'application/json' },
    body: JSON.stringify({ credits: '1000' }),
  });
  notice.textContent = response.ok ? '' : `Top-up refused (HTTP ${response.status}).`;
  client.invalidate();
  await Promise.all([balance.refresh(), usage.refresh()]);
});
