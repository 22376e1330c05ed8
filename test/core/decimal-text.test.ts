// The exact decimal-string helpers used instead of Decimal on hot paths, checked against Decimal.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compareDecimals } from '../../src/core/index.js';
import { compareDecimalStrings, isZeroDecimal, multiplyDecimalStrings, percentChange, powerOfTen, shiftDecimal } from '../../src/core/decimal-text.js';
import { Decimal, toPlain } from '../../src/core/decimal.js';

const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.nat({ max: 8 }), fc.nat({ max: 3 }))
  .map(([digits, scale, pad]) => {
    const text = digits.toString().padStart(scale + 1, '0');
    const plain = scale ? `${text.slice(0, -scale)}.${text.slice(-scale)}` : text;
    return plain + (scale && pad ? '0'.repeat(pad) : '');
  });

describe('core: decimal strings', () => {
  it('shifts by powers of ten exactly', () => {
    expect(shiftDecimal('0.22', 3)).to.equal('220'); // per 1K → per 1M tokens
    expect(shiftDecimal('300', -3)).to.equal('0.3'); // per 1M → per 1K
    expect(shiftDecimal('0.0005', -2)).to.equal('0.000005'); // credits → USD at 0.01
    expect(shiftDecimal('4.1666', -2)).to.equal('0.041666');
    expect(shiftDecimal('1200', -2)).to.equal('12');
    expect(shiftDecimal('0', 3)).to.equal('0');
    expect(shiftDecimal('0.2200', 0)).to.equal('0.22');
  });

  it('reads powers of ten and zeros', () => {
    expect([powerOfTen('0.01'), powerOfTen('1'), powerOfTen('1000'), powerOfTen('0.1'), powerOfTen('0.02'), powerOfTen('0.011')]).to.deep.equal([-2, 0, 3, -1, undefined, undefined]);
    expect([isZeroDecimal('0'), isZeroDecimal('0.000'), isZeroDecimal('0.0001')]).to.deep.equal([true, true, false]);
  });

  it('orders like core compareDecimals, and a shift round-trips', () => {
    fc.assert(
      fc.property(decimal, decimal, fc.integer({ min: -9, max: 9 }), (a, b, k) => {
        expect(compareDecimalStrings(a, b)).to.equal(compareDecimals(a, b));
        expect(compareDecimals(shiftDecimal(shiftDecimal(a, k), -k), a)).to.equal(0);
      }),
      { numRuns: 500 },
    );
  });

  it('multiplies exactly, as Decimal does', () => {
    expect(multiplyDecimalStrings('1.4964', '0.01')).to.equal('0.014964'); // credits → EUR at 1 credit = 0.01
    expect(multiplyDecimalStrings('2.50', '4')).to.equal('10');
    expect(multiplyDecimalStrings('0', '0.33')).to.equal('0');
    fc.assert(fc.property(decimal, decimal, (a, b) => multiplyDecimalStrings(a, b) === toPlain(new Decimal(a).times(b))));
  });

  it('states a change in percent, rounded half up to two places, as Decimal does', () => {
    expect(percentChange('0.11', '0.33')).to.equal('200'); // Claude-4.5-Haiku, GPTBots 000 → 001: tripled
    expect(percentChange('3', '2')).to.equal('-33.33');
    expect(percentChange('3', '3.0')).to.equal('0');
    expect(percentChange('8', '8.0004')).to.equal('0.01'); // 0.005 % rounds half up
    expect(() => percentChange('0', '1')).to.throw(RangeError);
    fc.assert(
      fc.property(decimal.filter((a) => !isZeroDecimal(a)), decimal, (a, b) =>
        percentChange(a, b) === toPlain(new Decimal(b).minus(a).div(a).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
      ),
    );
  });
});
