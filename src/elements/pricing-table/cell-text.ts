// A price cell's texts (credits, money, published price), formatted once per cell, locale and
// currency display, and kept beside the cell: a keystroke or a refresh that leaves a cell alone
// does not format it again.
import type { Catalog } from '../../core/catalog/schema.js';
import { commonStrings, formatCreditAmount, formatMoney, languageOf } from '../../i18n/index.js';
import type { PriceCell } from './model-types.js';

export type CurrencyDisplay = 'credits' | 'money' | 'both';

export interface CellText {
  key: string;
  /** Credits (or money with currency-display="money"), or "free" / "not offered"; '' for no price. */
  main: string;
  money: string;
  listed?: string;
  /** A price the service does not have: "—" for the eye, "not applicable" for screen readers. */
  hidden?: true;
}

const memo = new WeakMap<PriceCell, CellText>();

export function cellText(catalog: Catalog, cell: PriceCell, locale: string, display: CurrencyDisplay): CellText {
  const key = `${locale}|${display}`;
  const known = memo.get(cell);
  if (known?.key === key) return known;
  const common = commonStrings(languageOf(locale));
  let text: CellText;
  if (cell.state === 'none') text = { key, main: '', money: '', hidden: true };
  else if (cell.state === 'not-offered') text = { key, main: common.notOffered, money: '' };
  else if (cell.state === 'free') text = { key, main: common.free, money: '' };
  else {
    const currency = catalog.creditUnit.currency;
    const money = formatMoney(cell.money!, currency, locale);
    const listed =
      cell.listed === undefined ? undefined : display === 'money' ? formatMoney(cell.listedMoney!, currency, locale) : formatCreditAmount(cell.listed, locale);
    text = {
      key,
      main: display === 'money' ? money : formatCreditAmount(cell.charged!, locale),
      money: display === 'both' ? money : '',
      ...(listed !== undefined && { listed }),
    };
  }
  memo.set(cell, text);
  return text;
}
