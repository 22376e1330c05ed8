// The demo's assistant: canned, local and deterministic. No model is called; the reply and the
// tool calls it "made" are chosen from the message, so the recorded usage is reproducible.

export interface CannedReply {
  text: string;
  /** Tool calls the assistant pretends to have made (priced as meinGPT tool calls). */
  toolCalls: number;
}

type Lang = 'en' | 'de';

const REPLIES: { match: RegExp; toolCalls: number; text: Record<Lang, string> }[] = [
  {
    match: /weather|wetter/i,
    toolCalls: 2,
    text: {
      en: 'I looked it up: light rain this afternoon, 9 °C, clearing in the evening. Take an umbrella.',
      de: 'Ich habe nachgesehen: heute Nachmittag leichter Regen, 9 °C, am Abend klart es auf. Nehmen Sie einen Schirm mit.',
    },
  },
  {
    match: /search|suche|find|finde/i,
    toolCalls: 1,
    text: {
      en: 'I searched and found three sources that agree; the short version is in the summary above each link.',
      de: 'Ich habe gesucht und drei übereinstimmende Quellen gefunden; die Kurzfassung steht jeweils über dem Link.',
    },
  },
  {
    match: /price|priced|cost|kosten|preis|berechnet|credit/i,
    toolCalls: 0,
    text: {
      en: 'Each message is priced from its tokens: input at 300 credits and output at 1,200 credits per million tokens with GPT-4o, and 0.5 credits per tool call. Open the cost under this reply: its lines add up to the total.',
      de: 'Jede Nachricht wird nach ihren Tokens berechnet: Eingabe zu 300 Credits und Ausgabe zu 1.200 Credits pro Million Tokens mit GPT-4o, dazu 0,5 Credits pro Tool-Aufruf. Öffnen Sie die Kosten unter dieser Antwort: Die Posten ergeben die Summe.',
    },
  },
];

const FALLBACK: Record<Lang, string> = {
  en: 'Thanks — this is a canned demo reply, so no model was called. Its tokens are counted and recorded as usage anyway, so you can watch the balance and the usage chart move.',
  de: 'Danke — das ist eine vorbereitete Demo-Antwort, es wurde kein Modell aufgerufen. Ihre Tokens werden trotzdem gezählt und als Verbrauch erfasst: Guthaben und Verbrauch bewegen sich.',
};

export function cannedReply(message: string, language: Lang = 'en'): CannedReply {
  const found = REPLIES.find((r) => r.match.test(message));
  return found ? { text: found.text[language], toolCalls: found.toolCalls } : { text: FALLBACK[language], toolCalls: 0 };
}
