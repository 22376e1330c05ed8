// The demo's assistant: canned, local and deterministic. No model is called; the reply and the
// tool calls it "made" are chosen from the message, so the recorded usage is reproducible.

export interface CannedReply {
  text: string;
  /** Tool calls the assistant pretends to have made (priced as meinGPT tool calls). */
  toolCalls: number;
}

const REPLIES: { match: RegExp; reply: CannedReply }[] = [
  {
    match: /weather|wetter/i,
    reply: { text: 'I looked it up: light rain this afternoon, 9 °C, clearing in the evening. Take an umbrella.', toolCalls: 2 },
  },
  {
    match: /search|suche|find|finde/i,
    reply: { text: 'I searched and found three sources that agree; the short version is in the summary above each link.', toolCalls: 1 },
  },
  {
    match: /price|cost|kosten|preis|credit/i,
    reply: {
      text: 'Each message is priced from its tokens: input at 300 credits and output at 1,200 credits per million tokens with GPT-4o, and 0.5 credits per tool call. The badge under this reply shows the exact figure, and its lines add up to the total.',
      toolCalls: 0,
    },
  },
];

const FALLBACK: CannedReply = {
  text: 'Thanks — this is a canned demo reply, so no model was called. Its tokens are counted and recorded as usage anyway, so you can watch the balance and the usage chart move.',
  toolCalls: 0,
};

export function cannedReply(message: string): CannedReply {
  return REPLIES.find((r) => r.match.test(message))?.reply ?? FALLBACK;
}
