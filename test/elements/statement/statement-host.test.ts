// <credit-statement> in Chromium against the real reference host (seeded demo, through the test
// server's /api proxy): the figures it shows are the host's, and the host's add up.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/statement/index.js';
import type { CreditStatement } from '../../../src/elements/statement/index.js';
import { createClient } from '../../../src/sdk/index.js';
import type { Statement, Statements } from '../../../src/sdk/contract/statements.js';
import { Decimal } from '../../../src/core/decimal.js';
import { expectAccessible } from '../../helpers/axe.js';

let token: string;
before(async () => {
  const response = await fetch('/api/demo/token', { method: 'POST' });
  expect(response.ok, 'the reference host answers through the test server').to.equal(true);
  token = ((await response.json()) as { token: string }).token;
});

async function host<T>(path: string): Promise<T> {
  const response = await fetch(`/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as T;
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A decimal string as the element writes it in English: thousands separated, every decimal kept. */
const shown = (credits: string) => {
  const [whole, fraction] = new Decimal(credits).toFixed().split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
};

describe('<credit-statement> against the reference host', () => {
  it('shows the newest closed month with the host\'s totals and lines, which add up to the ledger', async () => {
    const client = createClient({ baseUrl: '/api', getToken: async () => token });
    const el = await fixture<CreditStatement>(html`<credit-statement lang="en" .client=${client}></credit-statement>`);
    await el.loaded();
    const list = await host<Statements>('/statements');
    const closed = list.statements.find((s) => s.status === 'closed')!;
    expect(el.statement?.period).to.equal(closed.period);
    const statement = await host<Statement>(`/statements/${closed.period}`);
    // The seeded demo: Nordlicht's statement of the month before this one is its second (October is the first).
    expect(statement.organisation.billingName).to.equal('Nordlicht GmbH');
    const { opening, granted, used, expired, closing } = statement.totals;
    expect(new Decimal(opening).plus(granted).minus(used).minus(expired).toFixed(), 'opening + granted − used − expired').to.equal(new Decimal(closing).toFixed());
    for (const lines of Object.values(statement.usage)) {
      expect(lines.reduce((sum, l) => sum.plus(l.credits), new Decimal(0)).toFixed(), 'the lines add up to the usage').to.equal(new Decimal(used).toFixed());
    }
    const root = el.shadowRoot!;
    const totals = [...root.querySelectorAll('[part~=totals] td')].map((td) => text(td));
    expect(totals).to.deep.equal([opening, granted, used, expired, closing].map(shown));
    const byUser = [...root.querySelectorAll('[part~=breakdown]')][2]!;
    expect([...byUser.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th')), text(tr.lastElementChild)])).to.deep.equal(
      statement.usage.byUser.map((l) => [l.label, shown(l.credits)]),
    );
    await expectAccessible(el);
  });

  it('downloads the host\'s PDF and German CSV', async () => {
    const client = createClient({ baseUrl: '/api', getToken: async () => token });
    const list = await client.getStatements();
    const period = list.statements.find((s) => s.status === 'closed')!.period;
    const csv = await client.downloadStatement(period, { format: 'csv', language: 'de' });
    const statement = await client.getStatement(period);
    expect(csv.filename).to.equal(`statement-${statement.organisation.id}-${period}-de.csv`);
    // The German variant: semicolons and the closing balance with a decimal comma.
    expect(await csv.blob.text()).to.contain(`;${statement.totals.closing.replace('.', ',')}\r\n`);
    const pdf = await client.downloadStatement(period, { format: 'pdf', language: 'en' });
    expect(new TextDecoder().decode((await pdf.blob.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');
  });
});
