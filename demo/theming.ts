// The theming page: the same elements in three frames. Each frame gets the same balance (given
// directly, as a host that already has it would), a chat's cost priced in the browser from the
// workspace catalog (an estimate, then the bill), and the workspace price list.
import '../src/elements/balance/index.js';
import '../src/elements/chat-cost/index.js';
import '../src/elements/pricing-table/index.js';
import type { Balance } from '../src/sdk/index.js';
import './site.js';

// 6,240 of a last top-up of 10,000 credits (62.4 % left), auto-recharge on, 300 credits expiring at the year's end.
const BALANCE: Balance = {
  credits: '6240',
  money: { amount: '62.40', currency: 'EUR' },
  creditUnit: { currency: 'EUR', value: '0.01' },
  asOf: new Date().toISOString(),
  paused: false,
  lowBalance: {
    referenceCredits: '10000',
    thresholds: [
      { percent: '20', credits: '2000', reached: false },
      { percent: '10', credits: '1000', reached: false },
    ],
  },
  autoRecharge: { enabled: true, thresholdCredits: '1000', rechargeCredits: '5000', monthlyLimitCredits: null, rechargedThisMonthCredits: '0' },
  limits: { daily: null, monthly: null, department: null },
  remainingAllowance: '6240',
  expiring: { credits: '300', at: '2027-01-01T00:00:00.000Z', lastDay: '2026-12-31' },
};
// meinGPT's worked chat: 523 input + 1,247 output tokens of GPT-4o and 2 tool calls = 2.6533 credits.
const CHAT = [
  { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
  { service: 'meingpt/tool-call', requests: 2 },
];
const ESTIMATE = [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1000 }, { service: 'meingpt/tool-call', requests: 2 }];

for (const frame of document.querySelectorAll<HTMLElement>('.theme-frame')) {
  const theme = frame.dataset['theme'] as 'light' | 'dark';
  const balance = Object.assign(document.createElement('credit-balance'), { balance: BALANCE, theme, refreshInterval: 0 });
  balance.setAttribute('top-up-url', '#top-up');
  const cost = Object.assign(document.createElement('credit-chat-cost'), { src: '/catalog/meingpt.json', usage: CHAT, estimateUsage: ESTIMATE, theme });
  const prices = Object.assign(document.createElement('credit-pricing-table'), { src: '/catalog/meingpt.json', theme });
  frame.append(balance, cost, prices);
}

/** The brand theme's tokens as the page's stylesheet sets them, shown as code: what is shown is what applies. */
function brandThemeCode(): string {
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's stylesheet: not readable, and not where the theme is
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSStyleRule) || rule.selectorText !== '.theme-brand') continue;
      const tokens = [...rule.style].filter((name) => name.startsWith('--credit-'));
      return `.theme-brand {\n${tokens.map((name) => `  ${name}: ${rule.style.getPropertyValue(name).trim()};`).join('\n')}\n}`;
    }
  }
  return '';
}
document.getElementById('brand-theme-code')!.textContent = brandThemeCode();
