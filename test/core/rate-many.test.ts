// rateMany's fast path against what it must equal: records in any order (the period found last is
// tried first, the day read last is reused), around the instant of a price change, the whole-number
// path against the exact decimal one, and errors that still name the record after many good ones.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal } from '../../src/core/decimal.js';
import { NotOfferedError, UsageError, mergeHistory, parseCatalog, rate, rateMany, sumDecimals, type Catalog, type Usage } from '../../src/core/index.js';
import { loadCatalog } from './load.js';

let merged: Catalog;
/** The same lists changing at noon: the day of the change lies in two periods. */
let mergedAtNoon: Catalog;
let gptbots: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
  const previous = await loadCatalog('gptbots-previous');
  merged = parseCatalog(JSON.parse(JSON.stringify(mergeHistory(previous, gptbots, '2026-11-23').catalog)));
  mergedAtNoon = parseCatalog(JSON.parse(JSON.stringify(mergeHistory(previous, gptbots, '2026-11-23T12:00:00Z').catalog)));
});

const CHANGE = Date.UTC(2026, 10, 23);
/** Instants on both sides of the change, in the forms records carry them (the first two straddle it by a millisecond). */
const instant = fc.oneof(
  fc.constantFrom('2026-11-22T23:59:59.999Z', '2026-11-23T00:00:00.000Z', '2026-11-23T00:00:00Z', '2026-11-23T00:30:00+01:00', '2026-11-22'),
  fc.integer({ min: CHANGE - 2 * 86_400_000, max: CHANGE + 2 * 86_400_000 - 1 }).map((ms) => new Date(ms).toISOString()),
);
const record = fc.record({
  service: fc.constantFrom('anthropic/claude-4.5-haiku-200k', 'openai/gpt-4.1-1m', 'openai/tts'),
  tokens: fc.integer({ min: 0, max: 200_000 }),
  at: instant,
}).map(({ service, tokens, at }): Usage => (service === 'openai/tts' ? { service, characters: tokens, at } : { service, inputTokens: tokens, outputTokens: tokens >> 3, at }));

describe('rateMany: records in any order', () => {
  it('equals the sum of rate over every record, however records straddle the change', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), (records) => {
        expect(rateMany(merged, records).credits).to.equal(sumDecimals(records.map((r) => rate(merged, r).credits)));
      }),
      { numRuns: 300 },
    );
  });

  it('on the day of a change at noon, records before and after noon each get their own period, in any order', () => {
    const noonRecord = fc.integer({ min: Date.UTC(2026, 10, 23), max: Date.UTC(2026, 10, 24) - 1 }).map((ms): Usage => ({ service: 'anthropic/claude-4.5-haiku-200k', inputTokens: 1000, at: new Date(ms).toISOString() }));
    fc.assert(
      fc.property(fc.array(noonRecord, { minLength: 1, maxLength: 30 }), (records) => {
        const lines = rateMany(mergedAtNoon, records).lines;
        const beforeNoon = records.filter((r) => Date.parse(r.at!) < Date.UTC(2026, 10, 23, 12)).length;
        const expected = [[beforeNoon, { until: '2026-11-23T12:00:00Z' }], [records.length - beforeNoon, { from: '2026-11-23T12:00:00Z' }]].filter(([n]) => n);
        // Lines come in the order their period was first met; compared here oldest period first.
        const older = (line: (typeof lines)[number]) => (line.period?.until ? 0 : 1);
        const byPeriod = [...lines].sort((a, b) => older(a) - older(b)).map((l) => [Number(l.quantity) / 1000, l.period]);
        expect(byPeriod).to.deep.equal(expected);
        expect(rateMany(mergedAtNoon, records).credits).to.equal(sumDecimals(records.map((r) => rate(mergedAtNoon, r).credits)));
      }),
      { numRuns: 200 },
    );
  });

  it('prices each record in its own period when the periods alternate record by record', () => {
    const before = '2026-11-22T23:59:59.999Z';
    const after = '2026-11-23T00:00:00.000Z';
    const records: Usage[] = Array.from({ length: 1001 }, (_, i) => ({ service: 'anthropic/claude-4.5-haiku-200k', inputTokens: 1000, at: i % 2 ? after : before }));
    const inputs = rateMany(merged, records).lines.map((l) => [l.quantity, l.period]);
    // 501 records before the change (even indexes), 500 after.
    expect(inputs).to.deep.equal([
      ['501000', { until: '2026-11-23T00:00:00Z' }],
      ['500000', { from: '2026-11-23T00:00:00Z' }],
    ]);
  });
});

describe('rateMany: whole numbers and exact decimals agree', () => {
  it('audio seconds as whole numbers (integer sums) and as decimal text (exact decimals) cost the same', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }), (seconds) => {
        const whole = rateMany(gptbots, seconds.map((s) => ({ service: 'openai/whisper-large-v2', audioSeconds: s })));
        const text = rateMany(gptbots, seconds.map((s) => ({ service: 'openai/whisper-large-v2', audioSeconds: String(s) })));
        expect(whole.credits).to.equal(text.credits);
        expect(whole.lines[0]!.quantity).to.equal(String(seconds.reduce((a, b) => a + b, 0)));
      }),
      { numRuns: 100 },
    );
  });

  it('a sum past Number.MAX_SAFE_INTEGER stays exact, carried beside the integer sums', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    const records: Usage[] = [big, 3, big, 5, 7].map((n) => ({ service: 'openai/tts', characters: n }));
    const line = rateMany(gptbots, records).lines[0]!;
    expect(line.quantity).to.equal(new Decimal(big).times(2).plus(15).toFixed());
  });
});

describe('rateMany: errors name the record after many good ones', () => {
  const good = (i: number): Usage => ({ service: 'anthropic/claude-4.5-haiku-200k', inputTokens: 10, at: `2026-11-2${2 + (i % 2)}T12:00:00Z` });
  const batch = (bad: unknown) => [...Array.from({ length: 100 }, (_, i) => good(i)), bad] as Usage[];

  it('a day that does not exist, right after valid days', () => {
    expect(() => rateMany(merged, batch({ ...good(0), at: '2026-11-31T12:00:00Z' }))).to.throw(UsageError, /records\[100\]\.at: expected an instant/);
  });

  it('an instant outside every period of the service', () => {
    expect(() => rateMany(merged, batch({ service: 'openai/gpt-5.1-400k', inputTokens: 1, at: '2026-11-24T00:00:00Z' }))).to.throw(UsageError, /records\[100\]\.at: openai\/gpt-5\.1-400k has no prices in force/);
  });

  it('an unknown service and a service tier not offered', () => {
    expect(() => rateMany(merged, batch({ service: 'anthropic/claude-4.5-haiku-2k', inputTokens: 1 }))).to.throw(/records\[100\]\.service: unknown service/);
    expect(() => rateMany(merged, batch({ ...good(1), serviceTier: 'flex' }))).to.throw(NotOfferedError, /flex/);
    expect(() => rateMany(merged, batch({ ...good(1), serviceTier: 'cheap' }))).to.throw(UsageError, /records\[100\]\.serviceTier: expected one of/);
  });

  it('reasoning tokens above the output tokens', () => {
    expect(() => rateMany(merged, batch({ ...good(0), outputTokens: 5, reasoningTokens: 6 }))).to.throw(UsageError, /records\[100\]\.reasoningTokens: is a part of outputTokens \(5\)/);
  });
});
