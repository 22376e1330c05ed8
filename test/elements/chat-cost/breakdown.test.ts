// The chat breakdown: shown lines add up to the shown total (meinGPT's 2.6533 → 2.65).
import { expect } from '@open-wc/testing';
import { parseCatalog, rate, type Catalog } from '../../../src/core/index.js';
import { breakdownOf } from '../../../src/elements/chat-cost/breakdown.js';
import { loadCatalog } from '../../core/load.js';

let meingpt: Catalog;
before(async () => {
  meingpt = await loadCatalog('meingpt');
});
const chat = () =>
  rate(meingpt, [
    { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
    { service: 'meingpt/tool-call', requests: 2 },
  ]);

describe('breakdownOf', () => {
  it('allocates 2.6533 as 0.16 + 1.49 + 1.00 = 2.65, €0.026533', () => {
    const b = breakdownOf(chat());
    expect(b.lines.map((l) => [l.kind, l.quantity, l.display])).to.deep.equal([
      ['inputTokens', '523', '0.16'],
      ['outputTokens', '1247', '1.49'],
      ['requests', '2', '1.00'],
    ]);
    expect(b.total).to.equal('2.65');
    expect(b.credits).to.equal('2.6533');
    expect(b.money).to.deep.equal({ amount: '0.026533', currency: 'EUR' });
  });

  it('shows a billed total that differs from the lines as an adjustment line, still adding up', () => {
    const b = breakdownOf(chat(), 2, '2.66');
    expect(b.lines.map((l) => l.display)).to.deep.equal(['0.16', '1.49', '1.00', '0.01']);
    expect(b.lines[3]!.kind).to.equal('adjustment');
    expect(b.lines[3]!.credits).to.equal('0.0067');
    expect(b.total).to.equal('2.66');
    // 0.026533 / 2.6533 × 2.66 = 0.0266
    expect(b.money).to.deep.equal({ amount: '0.0266', currency: 'EUR' });
  });

  it('keeps the lines of a catalog that rounds per total adding up to the rounded total', async () => {
    const json = structuredClone(await (await fetch('/catalog/meingpt.json')).json());
    json.rounding = { mode: 'total', decimals: 0, rounding: 'up' };
    const rounded = rate(parseCatalog(json), [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }]);
    expect(rounded.credits).to.equal('2'); // 1.6533 rounded up to a whole credit
    const b = breakdownOf(rounded);
    expect(b.lines.map((l) => l.display)).to.deep.equal(['0.16', '1.49', '0.35']); // remainders .0069, .0064, .0067: the first and third get a step
    expect(b.total).to.equal('2.00');
  });

  it('refuses to invent money for a bill on a zero charge', () => {
    const zero = rate(meingpt, [{ service: 'meingpt/tool-call', requests: 0 }]);
    expect(() => breakdownOf(zero, 2, '1')).to.throw(/cannot be derived/);
  });
});
