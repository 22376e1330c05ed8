// Property tests (fast-check, 1,000 runs each) of the rating engine's arithmetic.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { creditsToMoney, moneyToCredits, rate, rateMany, sumDecimals, compareDecimals, unitsForCredits, type Catalog, type Usage } from '../../src/core/index.js';
import { Decimal } from '../../src/core/decimal.js';
import { usageRecord } from './arbitraries.js';
import { loadCatalog } from './load.js';

const RUNS = { numRuns: 1000 };
let gptbots: Catalog;
let meingpt: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
  meingpt = await loadCatalog('meingpt');
});

const QUANTITY_FIELDS = ['inputTokens', 'cachedInputTokens', 'outputTokens', 'characters', 'requests', 'tokenDays'] as const;

// A plain decimal string with up to 8 integer and 12 fraction digits ("0", "0.0022", "4545.5").
const plainDecimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 99_999_999n }), fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }))
  .map(([whole, fraction]) => (fraction === undefined ? String(whole) : `${whole}.${fraction}`));

describe('budget properties', () => {
  it('unitsForCredits (integers) equals floor(credits × unit size ÷ price) in Decimal, and unlimited only at price 0', () => {
    fc.assert(
      fc.property(plainDecimal, fc.constantFrom(1, 60, 1000, 1_000_000), plainDecimal, (credits, unitSize, price) => {
        const result = unitsForCredits(credits, unitSize, price);
        const expected = new Decimal(price).isZero() ? { quantity: null, unlimited: true } : { quantity: new Decimal(credits).times(unitSize).div(price).floor().toFixed() };
        expect(result).to.deep.equal(expected);
      }),
      RUNS,
    );
  });
});

describe('rating properties', () => {
  it('is additive: rate(a ∪ b) = rate(a) + rate(b)', () => {
    fc.assert(
      fc.property(fc.array(usageRecord(gptbots), { minLength: 1, maxLength: 8 }), fc.array(usageRecord(gptbots), { minLength: 1, maxLength: 8 }), (a, b) => {
        const both = rate(gptbots, [...a, ...b]).credits;
        expect(both).to.equal(sumDecimals([rate(gptbots, a).credits, rate(gptbots, b).credits]));
      }),
      RUNS,
    );
  });

  it('rateMany equals the sum of rate over every record', () => {
    fc.assert(
      fc.property(fc.array(usageRecord(gptbots), { minLength: 1, maxLength: 20 }), (records) => {
        expect(rateMany(gptbots, records).credits).to.equal(sumDecimals(records.map((r) => rate(gptbots, r).credits)));
      }),
      RUNS,
    );
  });

  it('is monotone in every quantity: more of anything never costs less', () => {
    fc.assert(
      fc.property(usageRecord(gptbots), fc.integer({ min: 1, max: 1_000_000 }), (record, extra) => {
        const base = rate(gptbots, record).credits;
        for (const field of QUANTITY_FIELDS) {
          const value = record[field];
          if (value === undefined) continue;
          const more = rate(gptbots, { ...record, [field]: value + extra }).credits;
          expect(compareDecimals(more, base), field).to.be.at.least(0);
        }
      }),
      RUNS,
    );
  });

  it('scales exactly: k copies of a record cost exactly k times one', () => {
    fc.assert(
      fc.property(usageRecord(gptbots), fc.integer({ min: 1, max: 50 }), (record, k) => {
        const one = rate(gptbots, record).credits;
        const many = rateMany(gptbots, Array.from({ length: k }, () => record)).credits;
        expect(many).to.equal(sumDecimals(Array.from({ length: k }, () => one)));
      }),
      RUNS,
    );
  });

  it('scales exactly in quantity: k × every token count costs k times as much', () => {
    fc.assert(
      fc.property(usageRecord(gptbots), fc.integer({ min: 2, max: 1000 }), (record, k) => {
        if (record.images || record.audioSeconds !== undefined) return; // images are not linear in pixels
        const scaled: Usage = { ...record };
        for (const field of QUANTITY_FIELDS) if (record[field] !== undefined) scaled[field] = record[field]! * k;
        // Multiplying an exact decimal by a whole number is exact.
        const expected = new Decimal(rate(gptbots, record).credits).times(k).toFixed();
        expect(rate(gptbots, scaled).credits).to.equal(expected);
      }),
      RUNS,
    );
  });

  it('round-trips credits ↔ money exactly, in USD and EUR', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }))
      .map(([digits, places]) => {
        const text = digits.toString().padStart(places + 1, '0');
        const value = places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
        return value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '').replace(/^0+(?=\d)/, '');
      });
    fc.assert(
      fc.property(decimal, fc.boolean(), (credits, usd) => {
        const catalog = usd ? gptbots : meingpt;
        const money = creditsToMoney(catalog, credits);
        expect(moneyToCredits(catalog, money)).to.equal(credits);
      }),
      RUNS,
    );
  });

  it('never yields a negative, NaN or exponent amount', () => {
    fc.assert(
      fc.property(fc.array(usageRecord(gptbots), { minLength: 1, maxLength: 5 }), (records) => {
        const charge = rate(gptbots, records);
        for (const amount of [charge.credits, charge.money.amount, ...charge.lines.map((l) => l.credits)]) {
          expect(amount).to.match(/^\d+(\.\d+)?$/);
        }
      }),
      RUNS,
    );
  });
});
