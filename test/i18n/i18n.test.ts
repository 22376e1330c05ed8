import { expect, fixture, html } from '@open-wc/testing';
import {
  billingTypeName,
  commonStrings,
  formatCreditAmount,
  formatCredits,
  formatDate,
  roundHalfUp,
  roundingFootnote,
  formatMoney,
  formatNumber,
  formatPercent,
  formatContextWindow,
  formatRoundedCredits,
  languageOf,
  resolveLocale,
  unitLabel,
} from '../../src/i18n/index.js';

describe('i18n: locale', () => {
  it('takes the closest [lang], crossing a shadow root, then the document, then en', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="de-AT"><span></span></div>`);
    expect(resolveLocale(outer.querySelector('span'))).to.equal('de-AT');
    const host = document.createElement('div');
    host.lang = 'fr';
    const inner = document.createElement('p');
    host.attachShadow({ mode: 'open' }).append(inner);
    outer.append(host);
    expect(resolveLocale(inner)).to.equal('fr');
    const lone = document.createElement('p');
    const saved = document.documentElement.lang;
    document.documentElement.lang = 'de';
    try {
      expect(resolveLocale(lone)).to.equal('de');
      document.documentElement.lang = '';
      expect(resolveLocale(lone)).to.equal('en');
    } finally {
      document.documentElement.lang = saved;
    }
  });

  it('ignores an invalid tag and picks German for any de-*', async () => {
    const el = await fixture<HTMLDivElement>(html`<div lang="de-CH"><p lang="%%"></p></div>`);
    expect(resolveLocale(el.querySelector('p'))).to.equal('en'); // the closest lang is invalid
    expect([languageOf('de'), languageOf('de-CH'), languageOf('en-GB'), languageOf('dev')]).to.deep.equal(['de', 'de', 'en', 'en']);
  });
});

describe('i18n: formats', () => {
  it('formats credits in English and German from decimal strings, exactly', () => {
    expect(formatCredits('0.22', 'en')).to.equal('0.22\u00a0credits');
    expect(formatCredits('0.2200', 'de')).to.equal('0,22\u00a0Credits');
    expect(formatCredits('1', 'en')).to.equal('1\u00a0credit');
    expect(formatCredits('1.00', 'de')).to.equal('1\u00a0Credit');
    // 17 significant digits survive: a float would print 12345678901234.57
    expect(formatNumber('12345678901234.5678', 'en', { maximumFractionDigits: 4 })).to.equal('12,345,678,901,234.5678');
    expect(formatNumber('4545454', 'de')).to.equal('4.545.454');
  });

  it('writes a rounded amount that is not zero as "< 0.01", never as a free 0.00 (issue 14.12)', () => {
    // 15 input tokens of GPT-4o: 15 × 300 / 1M = 0.0045 credits, shown to 2 places.
    expect(formatRoundedCredits('0.00', '0.0045', 'en', 2)).to.equal('<\u00a00.01');
    expect(formatRoundedCredits('0.00', '0.0045', 'de', 2)).to.equal('<\u00a00,01');
    expect(formatRoundedCredits('0.00', '-0.0009', 'en', 2)).to.equal('>\u00a0-0.01');
    expect(formatRoundedCredits('0', '0.3', 'en', 0)).to.equal('<\u00a01');
    expect(formatRoundedCredits('0.00', '0', 'en', 2)).to.equal('0.00'); // free is free
    expect(formatRoundedCredits('1.49', '1.4964', 'de', 2)).to.equal('1,49');
    expect(formatRoundedCredits('1234.5', '1234.5', 'en', 2)).to.equal('1,234.50');
  });

  it('formats percentages one way in every element: "50.4%", "50,4 %" (issue 14.12)', () => {
    expect(formatPercent('50.44', 'en')).to.equal('50.4%');
    expect(formatPercent('50.44', 'de')).to.equal('50,4\u00a0%');
    expect(formatPercent(20, 'de')).to.equal('20\u00a0%');
    expect(formatPercent('12.5', 'en', { signDisplay: 'exceptZero' })).to.equal('+12.5%');
    expect(formatPercent('0.05', 'en')).to.equal('0.1%'); // half-up at 1 decimal
  });

  it('writes context windows as model lists do: 128K, 1M, 1,5M in German', () => {
    expect([4000, 4096, 128_000, 200_000, 1_000_000, 1_048_576, 500].map((n) => formatContextWindow(n, 'en'))).to.deep.equal(['4K', '4.1K', '128K', '200K', '1M', '1M', '500']);
    expect(formatContextWindow(1_500_000, 'de')).to.equal('1,5M');
  });
  it('formats money as Intl writes it, keeping small fractions', () => {
    expect(formatMoney('10', 'USD', 'de')).to.equal('10,00\u00a0$');
    expect(formatMoney('10', 'EUR', 'de-DE')).to.equal('10,00\u00a0€');
    expect(formatMoney('10', 'USD', 'en')).to.equal('$10.00');
    expect(formatMoney('0.000005', 'USD', 'en')).to.equal('$0.000005');
    expect(formatMoney('2.6533', 'EUR', 'en')).to.equal('€2.6533');
  });

  it('formats a YYYY-MM-DD date as that UTC day', () => {
    expect(formatDate('2026-11-23', 'en')).to.equal('Nov 23, 2026');
    expect(formatDate('2026-11-23', 'de')).to.equal('23.11.2026');
  });
});

describe('i18n: one number rule for every element (issue 14 item 12)', () => {
  it('credits: a whole amount without decimals, any other with two, a column fixed, a price as published', () => {
    expect(formatCredits('6912', 'en')).to.equal('6,912\u00a0credits');
    expect(formatCredits('6912.00', 'en')).to.equal('6,912\u00a0credits');
    expect(formatCredits('6912.4', 'en')).to.equal('6,912.40\u00a0credits');
    expect(formatCredits('3000.8', 'de')).to.equal('3.000,80\u00a0Credits');
    expect(formatCreditAmount('1', 'en', { style: 'fixed' })).to.equal('1.00');
    expect(formatCreditAmount('1.4964', 'en', { style: 'fixed' })).to.equal('1.50');
    expect(formatCreditAmount('0.000055', 'en', { style: 'price' })).to.equal('0.000055');
    expect(formatCreditAmount('1.54', 'de', { style: 'price' })).to.equal('1,54');
    expect(formatCreditAmount('2.6533', 'en', { decimals: 3 })).to.equal('2.653');
  });

  it('"< 0.01" for a non-zero amount that rounds to zero, never "0.00"', () => {
    // meinGPT's 15 input tokens at 3.00 EUR per 1M = 0.0045 credits: rounds to 0.00 at two places
    expect(formatCreditAmount('0.0045', 'en', { style: 'fixed' })).to.equal('<\u00a00.01');
    expect(formatCreditAmount('0.0045', 'de', { style: 'fixed' })).to.equal('<\u00a00,01');
    expect(formatCreditAmount('0.005', 'en', { style: 'fixed' })).to.equal('0.01'); // half-up: not below the step
    expect(formatCreditAmount('0', 'en', { style: 'fixed' })).to.equal('0.00');
    expect(formatCreditAmount('-0.002', 'en', { style: 'fixed' })).to.equal('>\u00a0-0.01');
    expect(formatMoney('0.0003', 'EUR', 'en', { maximumFractionDigits: 0 })).to.equal('<\u00a0€0.01');
    expect(formatMoney('0.0003', 'EUR', 'de', { maximumFractionDigits: 0 })).to.equal('<\u00a00,01\u00a0€');
  });

  it('percent the same in every element: the locale\'s percent, one decimal, signed for a change', () => {
    expect(formatPercent('50.4', 'en')).to.equal('50.4%');
    expect(formatPercent('99.94', 'de')).to.equal('99,9\u00a0%');
    expect(formatPercent(5, 'en')).to.equal('5%');
    expect(formatPercent('13.6364', 'en', { signDisplay: 'exceptZero' })).to.equal('+13.6%');
    expect(formatPercent('-25', 'de', { signDisplay: 'exceptZero' })).to.equal('-25\u00a0%');
    expect(formatPercent('0.05', 'en', { maximumFractionDigits: 2 })).to.equal('0.05%');
  });

  it('rounds half-up as strings, and footnotes lines only when they were adjusted to add up', () => {
    expect(['1.4964', '0.1569', '0.005', '2.995', '-1.005', '9.999'].map((v) => roundHalfUp(v, 2))).to.deep.equal(['1.50', '0.16', '0.01', '3.00', '-1.01', '10.00']);
    // The README's chat: 0.1569 + 1.4964 + 1 = 2.6533, shown 0.16 + 1.49 + 1.00 = 2.65 (1.4964 alone rounds to 1.50).
    const adjusted = [{ credits: '0.1569', display: '0.16' }, { credits: '1.4964', display: '1.49' }, { credits: '1', display: '1.00' }];
    expect(roundingFootnote(adjusted, 'en')).to.equal('Lines are rounded so that they add up to the total.');
    expect(roundingFootnote(adjusted, 'de')).to.equal('Die Zeilen sind so gerundet, dass sie die Summe ergeben.');
    expect(roundingFootnote([{ credits: '0.1569', display: '0.16' }, { credits: '1', display: '1.00' }], 'en')).to.equal(undefined);
  });
});

describe('i18n: strings', () => {
  it('has the same keys in English and German', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k])).sort();
    expect(keys(commonStrings('de'))).to.deep.equal(keys(commonStrings('en')));
  });

  it('labels units and names billing types, falling back to the catalog name', () => {
    expect(unitLabel('tokens-1k', 'en')).to.equal('credits / 1K tokens');
    expect(unitLabel('characters-1k', 'de')).to.equal('Credits / 1.000 Zeichen');
    expect(unitLabel('token-days-1k', 'en')).to.equal('credits / 1K tokens / day');
    expect(billingTypeName('asr', 'de')).to.equal('Spracherkennung (ASR)');
    expect(billingTypeName('something-new', 'en', 'Something new')).to.equal('Something new');
  });
});
