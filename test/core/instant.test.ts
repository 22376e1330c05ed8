// Instants read from ISO 8601 text exactly: every accepted form equals what Date.parse makes of it
// (which rolls nonexistent days over instead of refusing them), and days that do not exist,
// out-of-range times and stray characters are refused, whatever day was read just before.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { instantMs, lastCoveredDay } from '../../src/core/instant.js';

const MIN = Date.UTC(1, 0, 1);
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

describe('instantMs', () => {
  it('reads every instant from year 1 to 9999 as Date does, in the forms "…Z" and "….mmmZ" and a day alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
        const iso = new Date(ms).toISOString(); // "…T…:…:….mmmZ"
        expect(instantMs(iso)).to.equal(ms);
        expect(instantMs(`${iso.slice(0, 19)}Z`)).to.equal(ms - (ms % 1000 + 1000) % 1000);
        expect(instantMs(iso.slice(0, 10))).to.equal(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`));
        expect(instantMs(`${iso.slice(0, 19)}+01:30`)).to.equal(Date.parse(`${iso.slice(0, 19)}+01:30`));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses days that do not exist and times out of range, also right after reading a valid instant of the same day', () => {
    for (const [valid, invalid] of <[string, string][]>[
      ['2026-02-28T10:00:00Z', '2026-02-29T10:00:00Z'],
      ['2024-02-29T10:00:00Z', '2024-02-30T00:00:00Z'],
      ['1900-02-28T00:00:00Z', '1900-02-29T00:00:00Z'],
      ['2026-11-23T10:00:00Z', '2026-11-23T24:00:00Z'],
      ['2026-11-23T10:00:00Z', '2026-11-23T10:60:00Z'],
      ['2026-11-23T10:00:00Z', '2026-11-23T10:00:60Z'],
      ['2026-11-23T10:00:00Z', '2026-11-23T1a:00:00Z'],
      ['2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.0x0Z'],
      ['2026-11-23T10:00:00Z', '2026-13-01T00:00:00Z'],
      ['2026-11-23T10:00:00Z', '2026-11-23X10:00:00Z'],
    ]) {
      expect(instantMs(valid), valid).to.equal(Date.parse(valid));
      expect(instantMs(invalid), invalid).to.equal(undefined);
    }
    expect(instantMs('2000-02-29T12:00:00Z')).to.equal(Date.UTC(2000, 1, 29, 12));
  });

  it('lastCoveredDay: a period until midnight ends the day before; until any other instant, on its day', () => {
    expect(lastCoveredDay('2026-11-23T00:00:00Z')).to.equal('2026-11-22T00:00:00.000Z');
    expect(lastCoveredDay('2026-03-01T00:00:00Z')).to.equal('2026-02-28T00:00:00.000Z');
    expect(lastCoveredDay('2026-11-23T09:30:00Z')).to.equal('2026-11-23T09:30:00Z');
  });
});
