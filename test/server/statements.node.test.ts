// Monthly statements on the reference host, on each engine: the totals against the ledger summed
// here from its raw rows, breakdowns that add up, one month's closing as the next one's opening,
// the CSV (en, de) and the PDF's extracted text (en, de) equal to the JSON to the last digit, and
// bad periods refused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Decimal, toPlain } from '../../src/core/decimal.js';
import type { Statement } from '../../src/sdk/index.js';
import { ENGINES, NOON_ISH, startTestHost, type TestHost } from './harness.js';

const ADMIN = 'u-anna';
const sum = (values: readonly string[]) => toPlain(values.reduce((a, v) => a.plus(v), new Decimal(0)));

async function fetchStatement(host: TestHost, path: string, headers: Record<string, string> = {}, userId = ADMIN): Promise<Response> {
  return fetch(`${host.server.url}${path}`, { headers: { authorization: `Bearer ${await host.server.tokenFor(userId)}`, ...headers } });
}

async function statementJson(host: TestHost, period: string): Promise<Statement> {
  const response = await fetchStatement(host, `/statements/${period}`);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as Statement;
}

/** The period's figures summed from the raw ledger rows, without the statement's code. */
async function fromLedger(host: TestHost, period: string) {
  const entries = await host.server.store.ledger('org-nordlicht');
  const [y, m] = period.split('-').map(Number) as [number, number];
  const from = Date.UTC(y, m - 1, 1);
  const to = Date.UTC(y, m, 1);
  const inPeriod = entries.filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) < to);
  const before = entries.filter((e) => Date.parse(e.at) < from).at(-1);
  const of = (kinds: string[]) => sum(inPeriod.filter((e) => kinds.includes(e.kind)).map((e) => e.credits));
  return {
    opening: before?.balanceAfter ?? '0',
    granted: of(['topup', 'auto-recharge', 'grant']),
    used: of(['charge']),
    expired: of(['expiry']),
    closing: inPeriod.at(-1)?.balanceAfter ?? before?.balanceAfter ?? '0',
  };
}

/** RFC 4180 rows (quoted fields with "" escapes, CRLF). */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (value += '"'), i++;
      else if (ch === '"') quoted = false;
      else value += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) row.push(value), (value = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(value), rows.push(row), (row = []), (value = ''), i++;
    else value += ch;
  }
  assert.equal(value, '', 'the CSV ends with CRLF');
  return rows;
}

/** A figure as the PDF prints it ("7,251.0366", "7.251,0366") back to the JSON's decimal string. */
const unformat = (figure: string, language: 'en' | 'de') => (language === 'de' ? figure.replace(/\./g, '').replace(',', '.') : figure.replace(/,/g, ''));

/** What the PDF says for a label: the figure at the end of the line that starts with it. */
function pdfFigure(text: string, label: string, language: 'en' | 'de'): string {
  const line = text.split('\n').find((l) => l.trim().startsWith(label) && /[\d.,]+$/.test(l.trim()));
  assert.ok(line, `the PDF has a line for ${label}`);
  return unformat(/([\d.,]+)$/.exec(line.trim())![1]!, language);
}

for (const engine of ENGINES) {
  describe(`monthly statements [${engine}]`, () => {
    let host: TestHost;
    let dir: string;
    before(async () => {
      // 60 seeded days up to 2026-11-23: September (from the 24th), October and November so far.
      host = await startTestHost({ engine, seed: { until: '2026-11-23', days: 60 } });
      dir = mkdtempSync(join(tmpdir(), 'creditkit-statements-'));
      // November gets a promotional grant that expires on the 20th and a top-up, on top of the seeded usage.
      host.clock.now = Date.parse('2026-11-23T10:00:00Z');
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await host.close();
    });

    it('lists the periods newest first, numbered from the first month', async () => {
      const response = await fetchStatement(host, '/statements');
      assert.deepEqual(await response.json(), {
        statements: [
          { number: 3, period: '2026-11', status: 'open' },
          { number: 2, period: '2026-10', status: 'closed' },
          { number: 1, period: '2026-09', status: 'closed' },
        ],
      });
    });

    it('each month adds up, equals the ledger, and opens at the month before’s closing balance', async () => {
      let previousClosing = '0';
      for (const period of ['2026-09', '2026-10', '2026-11']) {
        const s = await statementJson(host, period);
        assert.deepEqual(s.totals, await fromLedger(host, period), period);
        assert.equal(s.totals.opening, previousClosing, `${period} opens where the month before closed`);
        const { opening, granted, used, expired, closing } = s.totals;
        assert.equal(toPlain(new Decimal(opening).plus(granted).minus(used).minus(expired)), closing);
        for (const lines of [s.usage.byDepartment, s.usage.byService, s.usage.byUser]) assert.equal(sum(lines.map((l) => l.credits)), used, period);
        assert.equal(sum(s.grants.map((g) => g.credits)), granted);
        previousClosing = closing;
      }
      // The seed's first top-up, on its first day: 8000 paid credits on 2026-09-24.
      const september = await statementJson(host, '2026-09');
      assert.deepEqual(september.grants[0], { at: '2026-09-24T07:00:00.000Z', grantId: 'g1', kind: 'paid', credits: '8000', expiresAt: null, reason: null });
      assert.equal(september.organisation.billingName, 'Nordlicht GmbH');
    });

    it('expired credits are a line of the month they expired in', async () => {
      const before = await statementJson(host, '2026-11');
      host.clock.now = Date.parse('2026-11-23T11:00:00Z');
      const grant = await fetch(`${host.server.url}/grants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await host.server.tokenFor(ADMIN)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'promotional', credits: '123.45', expiresAt: '2026-11-23T12:00:00Z', reason: 'Black Friday, "early"' }),
      });
      assert.equal(grant.status, 201);
      host.clock.now = Date.parse('2026-11-23T13:00:00Z');
      const s = await statementJson(host, '2026-11');
      assert.equal(s.totals.granted, toPlain(new Decimal(before.totals.granted).plus('123.45')));
      assert.deepEqual(s.expired.map((e) => [e.at, e.credits]), [['2026-11-23T12:00:00.000Z', '123.45']]);
      assert.equal(s.totals.expired, '123.45');
      assert.equal(s.totals.closing, before.totals.closing); // granted and expired unspent
      assert.deepEqual(s.totals, await fromLedger(host, '2026-11'));
      host.clock.now = NOON_ISH;
    });

    for (const language of ['en', 'de'] as const) {
      it(`the CSV (${language}) and the PDF's text (${language}) say what the JSON says, to the last digit`, async () => {
        host.clock.now = Date.parse('2026-11-23T13:00:00Z');
        for (const period of ['2026-10', '2026-11']) {
          const s = await statementJson(host, period);
          const headers = { 'accept-language': language === 'de' ? 'de-DE,de;q=0.9' : 'en-GB' };
          const csvResponse = await fetchStatement(host, `/statements/${period}`, { ...headers, accept: 'text/csv' });
          assert.equal(csvResponse.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
          const raw = Buffer.from(await csvResponse.arrayBuffer());
          assert.equal(raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), language === 'de', 'a UTF-8 byte-order mark for Excel in the German variant only');
          const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
          const rows = parseCsv(text, language === 'de' ? ';' : ',');
          assert.ok(rows.every((r) => r.length === 5), 'five fields in every row');
          const csvNumber = (v: string) => (language === 'de' ? v.replace(',', '.') : v);
          const figure = (item: string, section?: string) => {
            const row = rows.find((r) => r[2] === item && (section === undefined || r[0] === section));
            assert.ok(row, `the CSV has ${item}`);
            return csvNumber(row[4]!);
          };
          const labels = language === 'de' ? ['Anfangsbestand', 'Aufladungen und Gutschriften', 'Verbrauch', 'Verfallene Credits', 'Endbestand'] : ['Opening balance', 'Top-ups and grants', 'Usage', 'Expired credits', 'Closing balance'];
          const totals = [s.totals.opening, s.totals.granted, s.totals.used, s.totals.expired, s.totals.closing];
          const section = language === 'de' ? 'Summe' : 'total';
          assert.deepEqual(labels.map((l) => figure(l, section)), totals);
          assert.deepEqual(s.usage.byUser.map((u) => figure(u.label)), s.usage.byUser.map((u) => u.credits));
          assert.deepEqual(s.usage.byService.map((u) => figure(u.label)), s.usage.byService.map((u) => u.credits));
          assert.deepEqual(s.usage.byDepartment.map((u) => figure(u.label)), s.usage.byDepartment.map((u) => u.credits));

          const pdfResponse = await fetchStatement(host, `/statements/${period}`, { ...headers, accept: 'application/pdf' });
          assert.equal(pdfResponse.headers.get('content-type'), 'application/pdf');
          const bytes = Buffer.from(await pdfResponse.arrayBuffer());
          assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
          const file = join(dir, `${period}-${language}.pdf`);
          writeFileSync(file, bytes);
          const pdf = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
          assert.match(info, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
          assert.deepEqual(labels.map((l) => pdfFigure(pdf, l, language)), totals);
          for (const lines of [s.usage.byUser, s.usage.byService, s.usage.byDepartment]) assert.deepEqual(lines.map((l) => pdfFigure(pdf, l.label, language)), lines.map((l) => l.credits));
          assert.match(pdf, language === 'de' ? /Credit-Abrechnung/ : /Credit statement/);
          assert.match(pdf, new RegExp(`${language === 'de' ? 'Abrechnung Nr\\.' : 'Statement no\\.'}\\s+${s.number}`));
        }
        host.clock.now = NOON_ISH;
      });
    }

    it('the SDK reads the periods and a statement, and downloads the CSV and the PDF with their file names', async () => {
      const anna = host.client(ADMIN);
      const { statements } = await anna.getStatements();
      assert.deepEqual(statements.map((x) => x.period), ['2026-11', '2026-10', '2026-09']);
      const october = await anna.getStatement('2026-10');
      assert.deepEqual(october, await statementJson(host, '2026-10'));
      const csv = await anna.downloadStatement('2026-10', { format: 'csv', language: 'de' });
      assert.equal(csv.filename, 'statement-org-nordlicht-2026-10-de.csv');
      assert.match(await csv.blob.text(), new RegExp(`Endbestand;;${october.totals.closing.replace('.', ',')}\r\n$`));
      const pdf = await anna.downloadStatement('2026-10', { format: 'pdf' });
      assert.equal(pdf.blob.type, 'application/pdf');
      assert.equal(Buffer.from(await pdf.blob.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
      await assert.rejects(async () => anna.getStatement('2026-13'), /period must be a month as YYYY-MM/);
      await assert.rejects(async () => anna.downloadStatement('2026-10', { format: 'xls' as 'csv' }), /format must be "csv" or "pdf"/);
      await assert.rejects(host.client('u-ben').getStatement('2026-10'), (e: { status?: number }) => e.status === 403);
    });

    it('a malformed period is a 400, a future or too early one a 404, a member a 403: problems, nothing else', async () => {
      for (const period of ['2026-13', '2026-1', 'november', '2026-11-01', '2026-00', '%E0%A4%A']) {
        const response = await fetchStatement(host, `/statements/${period}`);
        assert.equal(response.status, 400, period);
        assert.equal(response.headers.get('content-type'), 'application/problem+json');
      }
      for (const period of ['2026-12', '2030-01', '2026-08']) {
        const response = await fetchStatement(host, `/statements/${period}`);
        assert.equal(response.status, 404, period);
        assert.equal(((await response.json()) as { type: string }).type, 'https://creditkit.dev/problems/statement-not-found');
      }
      assert.equal((await fetchStatement(host, '/statements/2026-10', {}, 'u-ben')).status, 403);
      assert.equal((await fetchStatement(host, '/statements', {}, 'u-ben')).status, 403);
      assert.equal((await fetchStatement(host, '/statements/2026-10?format=xml')).status, 400);
      assert.equal((await fetchStatement(host, '/statements/2026-10', { accept: 'image/png' })).status, 406);
      assert.equal((await fetchStatement(host, '/statements/2026-10?lang=fr')).status, 400);
    });
  });
}
