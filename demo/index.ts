// The demo's first page: the engine pricing the worked examples of the source documents.
import { allocateDisplay, budgetToQuantity, imageTokens, parseCatalog, rate, type Catalog, type Usage } from '../src/core/index.js';
import { formatNumber } from '../src/i18n/index.js';
import './site.js';

interface Example {
  title: string;
  source: string;
  catalog: 'gptbots' | 'meingpt';
  usage: Usage[];
  published?: string;
}

const EXAMPLES: Example[] = [
  {
    title: 'A chat with GPT-4o: 523 input + 1,247 output tokens and 2 tool calls',
    source: 'meinGPT, usage-based billing, example 1 (published: 0.16 + 1.50 + 1.00 = 2.66 credits)',
    catalog: 'meingpt',
    usage: [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }, { service: 'meingpt/tool-call', requests: 2 }],
    published: '2.66',
  },
  {
    title: '5 images with GPT Image 1 and 2 workflow wizards',
    source: 'meinGPT, usage-based billing, example 2 (published: 150 + 20 credits)',
    catalog: 'meingpt',
    usage: [{ service: 'openai/gpt-image-1', requests: 5 }, { service: 'meingpt/workflow-wizard', requests: 2 }],
  },
  {
    title: 'An image of 2000 × 500 px sent to GPT-4o-128k',
    source: `GPTBots FAQ: 4 tiles, 85 + 170 × 4 = ${imageTokens(2000, 500)} tokens`,
    catalog: 'gptbots',
    usage: [{ service: 'openai/gpt-4o-128k', images: [{ width: 2000, height: 500 }] }],
  },
  {
    title: '90 s of Whisper Large-V2, 2,500 characters of OpenAI TTS, 10,000 moderation calls',
    source: 'GPTBots price list: credits / 60 s, / 1,000 characters, / request',
    catalog: 'gptbots',
    usage: [
      { service: 'openai/whisper-large-v2', audioSeconds: 90 },
      { service: 'openai/tts', characters: 2500 },
      { service: 'openai/omni-moderation', requests: 10000 },
    ],
  },
  {
    title: '1K input + 1K output tokens of GPT-4o-128k with your own key (the own-key cap applies)',
    source: 'GPTBots: own key at most 0.01 credits / 1K input and 0.1 / 1K output tokens',
    catalog: 'gptbots',
    usage: [{ service: 'openai/gpt-4o-128k', keyMode: 'own', inputTokens: 1000, outputTokens: 1000 }],
  },
];

function cell(row: HTMLTableRowElement, text: string, numeric = false, header = false) {
  const td = document.createElement(header ? 'th' : 'td');
  td.textContent = text;
  if (numeric) td.className = 'num';
  row.append(td);
}

function renderExample(catalog: Catalog, example: Example): HTMLElement {
  const section = document.createElement('section');
  const h3 = document.createElement('h3');
  h3.textContent = example.title;
  const p = document.createElement('p');
  p.textContent = example.source;
  const charge = rate(catalog, example.usage);
  const shown = allocateDisplay(charge.lines, 2);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Service', 'Quantity', 'Unit price', 'Exact credits', 'Shown']) cell(head, h, false, true);
  const body = table.createTBody();
  shown.lines.forEach((line) => {
    const row = body.insertRow();
    cell(row, `${line.service} · ${line.kind}`);
    cell(row, line.quantity, true);
    cell(row, `${line.unitPrice}${line.listedUnitPrice ? ` (listed ${line.listedUnitPrice})` : ''} / ${line.unit}`, true);
    cell(row, line.credits, true);
    cell(row, line.display, true);
  });
  const total = table.createTFoot().insertRow();
  cell(total, 'Total', false, true);
  cell(total, '');
  cell(total, `${charge.money.amount} ${charge.money.currency}`, true);
  cell(total, charge.credits, true);
  cell(total, shown.total, true);
  section.append(h3, p, table);
  return section;
}

async function main() {
  const target = document.getElementById('examples')!;
  try {
    const [gptbots, meingpt] = await Promise.all(
      ['gptbots', 'meingpt'].map(async (name) => parseCatalog(await (await fetch(`/catalog/${name}.json`)).json())),
    );
    const catalogs = { gptbots: gptbots!, meingpt: meingpt! };
    target.replaceChildren(...EXAMPLES.map((e) => renderExample(catalogs[e.catalog], e)));
    const faq = document.createElement('p');
    const { quantity } = budgetToQuantity(gptbots!, 'openai/gpt-4.1-1m', { credits: '1000' });
    faq.textContent = `GPTBots FAQ: $10 = 1,000 credits buy ${quantity === null ? 'unlimited' : formatNumber(quantity, 'en')} input tokens of GPT-4.1-1M.`;
    target.append(faq);
  } catch (error) {
    target.textContent = `Could not price the examples: ${error instanceof Error ? error.message : String(error)}`;
  }
}
void main();
