// A second currency for display: exact conversion on decimal strings, rounded half up to stated
// decimals, the rate quoted either way round, the latest rate winning, bad rates named.
import { expect } from '@open-wc/testing';
import { convertForDisplay, decimalsOf, findRate, parseExchangeRates } from '../../src/core/exchange-rates.js';

const ECB = parseExchangeRates([{ from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' }]);

describe('exchange rates for display', () => {
  it('converts exactly, then rounds half up once', () => {
    // 26.53 × 1.0843 = 26.53 + 26.53 × 0.0843 (2.236479) = 28.766479 → 28.77
    expect(convertForDisplay('26.53', 'EUR', 'USD', ECB)).to.deep.include({ amount: '28.77', currency: 'USD', inverse: false, decimals: 2 });
    // a price per 1K tokens: 0.0011 × 1.0843 = 0.00119273 → 0.0012 at 4 decimals
    expect(convertForDisplay('0.0011', 'EUR', 'USD', ECB, 4)!.amount).to.equal('0.0012');
    // half up, away from zero: 0.0025 × 2 = 0.005 → 0.01; 0.0024 × 2 = 0.0048 → 0 (no trailing zeros); −26.53 → −28.77
    const two = parseExchangeRates([{ from: 'EUR', to: 'CHF', rate: '2', date: '2026-12-01' }]);
    expect(convertForDisplay('0.0025', 'EUR', 'CHF', two)!.amount).to.equal('0.01');
    expect(convertForDisplay('0.0024', 'EUR', 'CHF', two)!.amount).to.equal('0');
    expect(convertForDisplay('-26.53', 'EUR', 'USD', ECB)!.amount).to.equal('-28.77');
  });

  it('divides by a rate quoted the other way round', () => {
    // 28.77 ÷ 1.0843: 1.0843 × 26.53 = 28.766479, remainder 0.003521 ÷ 1.0843 = 0.0032 → 26.5332… → 26.53
    expect(convertForDisplay('28.77', 'USD', 'EUR', ECB)).to.deep.include({ amount: '26.53', inverse: true });
    // 1 ÷ 1.0843 = 0.92225… → 0.9223 at 4 decimals (1.0843 × 0.92225 = 0.99999568 < 1: the quotient, 0.922254…, lies above the midpoint)
    expect(convertForDisplay('1', 'USD', 'EUR', ECB, 4)!.amount).to.equal('0.9223');
  });

  it('has no conversion for the same currency or a pair without a rate', () => {
    expect(convertForDisplay('1', 'EUR', 'EUR', ECB)).to.equal(undefined);
    expect(convertForDisplay('1', 'EUR', 'GBP', ECB)).to.equal(undefined);
  });

  it('takes the latest rate, and on one day the one quoted this way round', () => {
    const rates = parseExchangeRates([
      { from: 'EUR', to: 'USD', rate: '1.05', date: '2026-11-01', source: 'ECB' },
      { from: 'USD', to: 'EUR', rate: '0.9', date: '2026-12-01' },
      { from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' },
    ]);
    expect(findRate(rates, 'EUR', 'USD')).to.deep.equal({ rate: rates[2], inverse: false });
    expect(findRate(rates, 'USD', 'EUR')).to.deep.equal({ rate: rates[1], inverse: false });
  });

  it('names what is wrong in a bad rate', () => {
    const bad = (rate: Record<string, unknown>) => () => parseExchangeRates([{ from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', ...rate }]);
    expect(bad({ rate: '1,0843' })).to.throw(/exchange rate 1: rate: expected a positive decimal string/);
    expect(bad({ rate: 1.0843 })).to.throw(/rate: expected a positive decimal string/);
    expect(bad({ rate: '0' })).to.throw(/rate: expected a positive/);
    expect(bad({ from: 'eur' })).to.throw(/from: expected an ISO 4217/);
    expect(bad({ to: 'EUR' })).to.throw(/from and to are both EUR/);
    expect(bad({ date: '1.12.2026' })).to.throw(/date: expected a day as YYYY-MM-DD/);
    expect(() => parseExchangeRates({ EUR: 1 })).to.throw(/expected a list/);
  });

  it('counts the decimals an amount is written with', () => {
    expect([decimalsOf('0.00110'), decimalsOf('10'), decimalsOf('26.53')]).to.deep.equal([4, 0, 2]);
  });
});
