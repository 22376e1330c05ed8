// A statement as CSV (RFC 4180: comma-separated, CRLF, fields quoted when they hold a separator,
// a quote or a line break; UTF-8). The German variant is what Excel opens in a German locale:
// semicolons, decimal commas, and a byte-order mark so that Excel reads UTF-8. Amounts are the
// ledger's exact decimals, never rounded: the CSV, the PDF and the JSON agree to the last digit.
import type { Statement } from '../../sdk/contract/index.js';
import { STATEMENT_STRINGS, lineLabel, type StatementLanguage } from './strings.js';

/** A decimal string as the variant writes it: "1234.5" or "1234,5" (no thousands separators: a spreadsheet reads it as a number). */
export const csvNumber = (value: string, language: StatementLanguage): string => (language === 'de' ? value.replace('.', ',') : value);

function field(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The department's name, the pool's, or "no department" for usage by users outside any. */
export function holderName(statement: Statement, id: string | null, language: StatementLanguage): string {
  const s = STATEMENT_STRINGS[language];
  if (id === null) return s.pool;
  if (id === '(none)') return s.noDepartment;
  return statement.departments.find((d) => d.id === id)?.name ?? id;
}

export function statementCsv(statement: Statement, language: StatementLanguage): string {
  const s = STATEMENT_STRINGS[language];
  const separator = language === 'de' ? ';' : ',';
  const rows: string[][] = [s.columns];
  const day = (at: string) => at.slice(0, 10);
  const n = (v: string) => csvNumber(v, language);
  const lastDay = new Date(Date.parse(statement.to) - 1).toISOString().slice(0, 10);
  rows.push(
    [s.section.statement, '', s.number, String(statement.number), ''],
    [s.section.statement, '', s.organisation, statement.organisation.billingName, ''],
    [s.section.statement, '', s.period, statement.period, ''],
    [s.section.statement, '', s.statusLabel, s.status[statement.status], ''],
    [s.section.total, day(statement.from), s.opening, '', n(statement.totals.opening)],
  );
  for (const g of statement.grants) rows.push([s.section.grant, day(g.at), s.kind[g.kind], [g.grantId, g.expiresAt && `${s.expires} ${g.expiresAt}`, g.reason].filter(Boolean).join(' · '), n(g.credits)]);
  for (const [section, lines] of [
    [s.section.department, statement.usage.byDepartment.map((l) => ({ ...l, label: l.key === '(none)' ? s.noDepartment : l.label }))],
    [s.section.service, statement.usage.byService],
    [s.section.user, statement.usage.byUser],
  ] as const) {
    for (const l of lines) rows.push([section, '', lineLabel(l, language), String(l.events), n(l.credits)]);
  }
  for (const e of statement.expired) rows.push([s.section.expiry, day(e.at), e.grantId, holderName(statement, e.departmentId, language), n(e.credits)]);
  for (const t of statement.transfers) rows.push([s.section.transfer, day(t.at), `${holderName(statement, t.from, language)} → ${holderName(statement, t.to, language)}`, `${t.by}: ${t.reason}`, n(t.credits)]);
  rows.push(
    [s.section.total, '', s.granted, '', n(statement.totals.granted)],
    [s.section.total, '', s.used, '', n(statement.totals.used)],
    [s.section.total, '', s.expired, '', n(statement.totals.expired)],
    [s.section.total, lastDay, s.closing, '', n(statement.totals.closing)],
  );
  const text = rows.map((r) => r.map((v) => field(v, separator)).join(separator)).join('\r\n') + '\r\n';
  return language === 'de' ? `\uFEFF${text}` : text;
}
