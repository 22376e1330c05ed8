// A statement as a PDF: A4, English or German, made with pdfkit (kept up to date, pure
// JavaScript, the standard PDF fonts built in, so no font file ships and text stays
// extractable). Figures are the ledger's exact decimals in the language's notation
// ("12,345.6789" / "12.345,6789"), never rounded: the PDF agrees with the CSV and the JSON.
import type { Statement, StatementLine } from '../../sdk/contract/index.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { HostError } from '../problems.js';
import { holderName } from './csv.js';
import { STATEMENT_STRINGS, pricesText, type StatementLanguage } from './strings.js';

type PdfDoc = PDFKit.PDFDocument;

/** pdfkit is an optional peer dependency: only a host that serves PDF statements needs it. */
async function loadPdfKit(): Promise<typeof import('pdfkit')> {
  try {
    const module = (await import('pdfkit')) as { default?: typeof import('pdfkit') };
    return module.default ?? (module as unknown as typeof import('pdfkit'));
  } catch (error) {
    throw new HostError(406, 'not-acceptable', 'PDF statements need pdfkit on the host (npm install pdfkit); ask for JSON or CSV', error instanceof Error ? error.message : undefined);
  }
}

/** An exact decimal string in the language's notation, every digit kept. */
export const pdfNumber = (value: string, language: StatementLanguage): string => formatNumber(value, language, { maximumFractionDigits: 20 });

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const RIGHT = A4.width - MARGIN;
const BOTTOM = A4.height - MARGIN - 20;

/** Writes rows of label / detail / figure, the figure right-aligned with tabular spacing. */
class Table {
  constructor(
    private readonly doc: PdfDoc,
    private readonly language: StatementLanguage,
  ) {}

  heading(text: string): void {
    this.room(48);
    this.doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).fillColor('#111111').text(text, MARGIN, this.doc.y);
    this.doc.moveDown(0.25);
  }

  row(label: string, figure: string, options: { detail?: string; bold?: boolean } = {}): void {
    this.room(16);
    const y = this.doc.y;
    this.doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5).fillColor('#111111');
    this.doc.text(label, MARGIN, y, { width: 260, lineBreak: false, ellipsis: true });
    if (options.detail) this.doc.fillColor('#555555').text(options.detail, MARGIN + 268, y, { width: 110, lineBreak: false, ellipsis: true });
    this.doc.fillColor('#111111').text(figure, RIGHT - 150, y, { width: 150, align: 'right', lineBreak: false });
    this.doc.y = y + 15;
  }

  lines(lines: readonly StatementLine[], label: (l: StatementLine) => string, events: string): void {
    if (!lines.length) return this.row(STATEMENT_STRINGS[this.language].none, '');
    for (const l of lines) {
      const prices = pricesText(l, this.language);
      if (prices) this.room(28); // the row and its note on one page
      this.row(label(l), pdfNumber(l.credits, this.language), { detail: `${formatNumber(String(l.events), this.language)} ${events}` });
      if (prices) this.note(prices);
    }
  }

  /** A small grey line under the row before it (a service's price period). */
  note(text: string): void {
    const y = this.doc.y - 3;
    this.doc.font('Helvetica').fontSize(8).fillColor('#555555').text(text, MARGIN + 8, y, { width: 252, lineBreak: false, ellipsis: true });
    this.doc.y = y + 12;
  }

  /** A new page when fewer than `height` points are left. */
  room(height: number): void {
    if (this.doc.y + height > BOTTOM) {
      this.doc.addPage();
      this.doc.y = MARGIN;
    }
  }
}

export async function statementPdf(statement: Statement, language: StatementLanguage): Promise<Uint8Array<ArrayBuffer>> {
  const PDFDocument = await loadPdfKit();
  const s = STATEMENT_STRINGS[language];
  const title = `${s.title} ${statement.period}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language,
    displayTitle: true,
    // The statement's own instant, so that the same statement is the same file.
    info: { Title: title, Author: statement.organisation.billingName, Creator: 'creditkit host', CreationDate: new Date(statement.to) },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const n = (v: string) => pdfNumber(v, language);
  const date = (at: string) => formatDate(at, language, { dateStyle: 'medium' });
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#111111').text(s.title, MARGIN, MARGIN);
  doc.moveDown(0.4).font('Helvetica').fontSize(10);
  const meta: [string, string][] = [
    [s.organisation, statement.organisation.billingName],
    [s.number, String(statement.number)],
    [s.period, `${statement.period} (${date(statement.from)} – ${date(new Date(Date.parse(statement.to) - 1).toISOString())})`],
    [s.statusLabel, s.status[statement.status]],
  ];
  for (const [label, value] of meta) {
    const y = doc.y;
    doc.fillColor('#555555').text(label, MARGIN, y, { width: 120 });
    doc.fillColor('#111111').text(value, MARGIN + 120, y, { width: RIGHT - MARGIN - 120 });
  }

  const table = new Table(doc, language);
  table.heading(`${s.credits} (${statement.creditUnit.currency} ${n(statement.creditUnit.value)})`);
  table.row(s.opening, n(statement.totals.opening));
  table.row(s.granted, n(statement.totals.granted));
  table.row(s.used, n(statement.totals.used));
  table.row(s.expired, n(statement.totals.expired));
  table.row(s.closing, n(statement.totals.closing), { bold: true });

  table.heading(s.grants);
  if (!statement.grants.length) table.row(s.none, '');
  for (const g of statement.grants) table.row(`${date(g.at)} ${s.kind[g.kind]}`, n(g.credits), { detail: g.expiresAt ? `${s.expires} ${date(g.expiresAt)}` : g.grantId });
  table.heading(s.byDepartment);
  table.lines(statement.usage.byDepartment, (l) => (l.key === '(none)' ? s.noDepartment : l.label), s.events);
  table.heading(s.byService);
  table.lines(statement.usage.byService, (l) => l.label, s.events);
  table.heading(s.byUser);
  table.lines(statement.usage.byUser, (l) => l.label, s.events);
  table.heading(s.expiredCredits);
  if (!statement.expired.length) table.row(s.none, '');
  for (const e of statement.expired) table.row(`${date(e.at)} ${e.grantId}`, n(e.credits), { detail: holderName(statement, e.departmentId, language) });
  if (statement.transfers.length) {
    table.heading(s.transfers);
    for (const t of statement.transfers) table.row(`${date(t.at)} ${holderName(statement, t.from, language)} > ${holderName(statement, t.to, language)}`, n(t.credits), { detail: t.reason });
  }
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor('#555555').text(statement.entries ? s.footer(statement.entries.first, statement.entries.last) : s.noEntries, MARGIN, doc.y, { width: RIGHT - MARGIN });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the bottom margin; without this pdfkit would start a new page
    doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`${statement.organisation.billingName} · ${s.number} ${statement.number} · ${s.page(i + 1, range.count)}`, MARGIN, A4.height - MARGIN, { width: RIGHT - MARGIN, align: 'center', lineBreak: false });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
