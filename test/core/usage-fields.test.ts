// One definition of the usage record (USAGE_FIELDS) drives the Usage type, usageShapeIssues,
// rate's fast path and the host contract's zod schema: on any record, valid or not, the three
// checks at run time agree.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { HOST_RECORD_FIELDS, USAGE_FIELDS, UsageError, rate, usageShapeIssues, type Catalog, type Usage } from '../../src/core/index.js';
import { usageRecord } from '../../src/sdk/contract/index.js';
import { loadCatalog } from './load.js';

let meingpt: Catalog;
before(async () => {
  meingpt = await loadCatalog('meingpt');
});

const invalidAny = fc.constantFrom<unknown>(null, true, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', '-3', '1e3', [], {}, [{ width: 0, height: 1 }], 2 ** 60);

/** A value for a field: valid for its type, or (sometimes) anything at all. */
function valueFor(name: keyof typeof USAGE_FIELDS): fc.Arbitrary<unknown> {
  const spec = USAGE_FIELDS[name];
  const valid: fc.Arbitrary<unknown> = {
    name: name === 'service' ? fc.constantFrom('openai/gpt-4o', 'GPT-4o', 'x'.repeat(201)) : fc.constantFrom('platform', 'own', 'k'.repeat(101)),
    count: name === 'reasoningTokens' ? fc.integer({ min: 0, max: 2000 }) : fc.integer({ min: 0, max: 1_000_000 }),
    seconds: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constantFrom('1.5', '0', '12.25')),
    images: fc.array(fc.record({ width: fc.integer({ min: 1, max: 4000 }), height: fc.integer({ min: 1, max: 4000 }) }, { requiredKeys: ['width', 'height'] }), { maxLength: 2 }),
    generatedImages: fc.array(
      fc.record({ size: fc.constantFrom('1024x1024', '1536x1024', '1024', '0x5'), quality: fc.constantFrom('high', 'low', 'HD', ''), count: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(-1)) }, { requiredKeys: ['size'] }),
      { maxLength: 2 },
    ),
    text: fc.constantFrom('e_1', ''),
    instant: fc.constantFrom('2026-11-22T12:00:00Z', '2026-11-22', '2026-11-22T13:00:00+01:00', '2026-02-31', 'yesterday'),
    object: fc.constant({ team: 'a' }),
    serviceTier: fc.constantFrom('standard', 'batch', 'priority', 'slow'),
  }[spec.type];
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: invalidAny, weight: 1 });
}

const names = Object.keys(USAGE_FIELDS) as (keyof typeof USAGE_FIELDS)[];
/** Records with any subset of the table's fields (service nearly always), sometimes one unknown. */
const anyRecord = fc
  .tuple(
    fc.record(Object.fromEntries(names.map((n) => [n, valueFor(n)])), { requiredKeys: [] }),
    fc.boolean(),
    fc.option(fc.constantFrom('inputTokenz', 'serviceId', 'quantity'), { freq: 8 }),
  )
  .map(([fields, withService, unknown]) => {
    const record: Record<string, unknown> = { ...fields };
    if (withService && record.service === undefined) record.service = 'openai/gpt-4o';
    if (unknown) record[unknown] = 1;
    return record;
  });

describe('the usage record: one table of fields', () => {
  it('usageShapeIssues and the host contract accept and refuse the same records', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const core = usageShapeIssues(record, '', HOST_RECORD_FIELDS);
        const contract = usageRecord.safeParse(record);
        expect(contract.success, `${JSON.stringify(record)}: core says ${JSON.stringify(core)}`).to.equal(core.length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("rate refuses exactly the records usageShapeIssues refuses, with the same issues", () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const shape = usageShapeIssues(record, '');
        let error: unknown;
        try {
          rate(meingpt, record as Usage);
        } catch (e) {
          error = e;
        }
        if (shape.length) {
          expect(error, JSON.stringify(record)).to.be.instanceOf(UsageError);
          expect((error as UsageError).issues).to.deep.equal(shape);
        } else if (error instanceof UsageError) {
          // A well-formed record can still carry a quantity its service does not price.
          for (const issue of error.issues) expect(issue.message, JSON.stringify(record)).to.match(/^does not apply to /);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the contract takes every field of the table except those the event carries', () => {
    const local = names.filter((n) => 'local' in USAGE_FIELDS[n]);
    expect([...HOST_RECORD_FIELDS.keys()]).to.deep.equal(names.filter((n) => !local.includes(n)));
    expect(local).to.include('at');
    expect(usageRecord.safeParse({ service: 'openai/gpt-4o', inputTokens: 1, at: '2026-11-22T12:00:00Z' }).success).to.equal(false);
    expect(usageRecord.safeParse({ service: 'openai/gpt-4o' }).success).to.equal(false);
  });
});
