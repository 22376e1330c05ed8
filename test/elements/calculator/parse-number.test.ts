// Numbers as typed or pasted, in English and German: what is read, and why the rest is refused.
import { expect } from '@open-wc/testing';
import { parseNumber } from '../../../src/elements/calculator/parse-number.js';

const rule = { max: 100_000 };
const value = (text: string, locale: string, r: { max: number; min?: number; integer?: boolean } = rule) => {
  const p = parseNumber(text, locale, r);
  return p.ok ? p.value : p.reason;
};

describe('parseNumber', () => {
  it('reads plain numbers and the locale\'s own decimal mark', () => {
    expect(value('1500', 'en')).to.equal(1500);
    expect(value(' 12.5 ', 'en')).to.equal(12.5);
    expect(value('12,5', 'de')).to.equal(12.5);
    expect(value('+7', 'en')).to.equal(7);
    expect(value('.5', 'en')).to.equal(0.5);
  });
  it('accepts thousands separators of either language, pasted into either', () => {
    for (const locale of ['en', 'de']) {
      expect(value('1,234.5', locale)).to.equal(1234.5);
      expect(value('1.234,5', locale)).to.equal(1234.5);
      expect(value('12 345', locale)).to.equal(12345);
      expect(value('12\u202f345', locale)).to.equal(12345);
      expect(value("12'345", locale)).to.equal(12345);
      expect(value('1.234.567', locale, { max: 1e7 })).to.equal(1234567);
      expect(value('1,234,567', locale, { max: 1e7 })).to.equal(1234567);
    }
  });
  it('a single separator: the locale decides, three digits after the other mark group thousands', () => {
    expect(value('1,500', 'en')).to.equal(1500);
    expect(value('1.500', 'en')).to.equal(1.5);
    expect(value('1.500', 'de')).to.equal(1500);
    expect(value('1,500', 'de')).to.equal(1.5);
    // "1,5" cannot be grouping: a decimal mark typed out of habit.
    expect(value('1,5', 'en')).to.equal(1.5);
    expect(value('0,125', 'en')).to.equal(0.125);
  });
  it('refuses with a reason, never NaN or Infinity', () => {
    expect(value('', 'en')).to.equal('empty');
    expect(value('   ', 'en')).to.equal('empty');
    expect(value('-3', 'en')).to.equal('negative');
    expect(value('−3', 'de')).to.equal('negative');
    expect(value('abc', 'en')).to.equal('not-a-number');
    expect(value('1e15', 'en')).to.equal('not-a-number');
    expect(value('10^15', 'en')).to.equal('not-a-number');
    expect(value('Infinity', 'en')).to.equal('not-a-number');
    expect(value('NaN', 'en')).to.equal('not-a-number');
    expect(value('1.2.3', 'en')).to.equal('not-a-number');
    expect(value('1,23,4', 'en')).to.equal('not-a-number');
    expect(value('1.234,5,6', 'en')).to.equal('not-a-number');
    expect(value('1000000000000000', 'en')).to.equal('too-large');
    expect(value('9'.repeat(400), 'en')).to.equal('too-large');
    expect(value('100001', 'en')).to.equal('too-large');
    expect(value('0', 'en', { min: 1, max: 31 })).to.equal('too-small');
    expect(value('2.5', 'en', { max: 10, integer: true })).to.equal('not-whole');
  });
});
