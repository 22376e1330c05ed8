// Property tests (fast-check) of simulateMonth: monotone in every quantity, routing to a cheaper
// service never raises the cost, low ≤ expected ≤ high, and the URL round trip.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal } from '../../../src/core/decimal.js';
import {
  decodeScenario,
  encodeScenario,
  effectivePrice,
  MAX_WORKING_DAYS,
  PRICE_KEYS,
  shapeOf,
  simulateMonth,
  type Catalog,
  type Scenario,
  type Service,
  type Workload,
} from '../../../src/core/index.js';
import { offeredModes } from '../arbitraries.js';
import { loadCatalog } from '../load.js';

const RUNS = { numRuns: 300 };
let gptbots: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
});

const count = (max: number) => fc.oneof(fc.integer({ min: 0, max }), fc.double({ min: 0, max, noNaN: true }).map((x) => Math.round(x * 100) / 100));
const shareArb = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);

/** A workload whose fields apply to its service. */
function workloadFor(service: Service, keyMode: string): fc.Arbitrary<Workload> {
  const shape = shapeOf(service);
  const fields: Record<string, fc.Arbitrary<unknown>> = { requestsPerUserPerDay: count(200) };
  if (shape === 'chat' || shape === 'tokens') fields.inputTokens = count(50_000);
  if (shape === 'chat') {
    fields.outputTokens = count(8000);
    fields.cacheHitRate = shareArb;
    fields.compression = shareArb;
  }
  if (shape === 'seconds') fields.audioSeconds = fc.integer({ min: 0, max: 3600 });
  if (shape === 'characters') fields.characters = count(5000);
  if (shape === 'token-days') return fc.record({ knowledgeBaseTokens: fc.integer({ min: 0, max: 1e9 }) }).map((q) => ({ service: service.id, keyMode, ...q }));
  return fc.record(fields, { requiredKeys: ['requestsPerUserPerDay'] }).map((q) => ({ service: service.id, keyMode, ...q }) as Workload);
}

const workload = () => {
  const pairs = gptbots.services.flatMap((s) => offeredModes(s).map((m) => [s, m] as const));
  return fc.constantFrom(...pairs).chain(([s, m]) => workloadFor(s, m));
};
const scenarioArb = () =>
  fc.record({
    version: fc.constant(1 as const),
    period: fc.oneof(
      fc.record({ basis: fc.constant('calendar' as const), days: fc.integer({ min: 1, max: 31 }) }),
      fc.record({ basis: fc.constant('working' as const), days: fc.integer({ min: 1, max: MAX_WORKING_DAYS }) }),
    ),
    users: fc.integer({ min: 0, max: 500 }),
    workloads: fc.array(workload(), { minLength: 1, maxLength: 5 }),
  });

const credits = (s: Scenario) => new Decimal(simulateMonth(gptbots, s).credits);

describe('simulateMonth properties', () => {
  it('is monotone: more of any quantity never costs less', () => {
    const fields = ['requestsPerUserPerDay', 'inputTokens', 'outputTokens', 'audioSeconds', 'characters', 'knowledgeBaseTokens'] as const;
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.constantFrom(...fields, 'users' as const), fc.integer({ min: 1, max: 1000 }), (s, pick, field, extra) => {
        const more: Scenario = structuredClone(s);
        if (field === 'users') more.users += extra;
        else {
          const w = more.workloads[pick % more.workloads.length]!;
          if (w[field] === undefined) return;
          (w as unknown as Record<string, number>)[field] = (w[field] as number) + extra;
        }
        expect(credits(more).gte(credits(s))).to.equal(true);
      }),
      RUNS,
    );
  });

  it('more cache hits or more compression never cost more', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), shareArb, (s, pick, extra) => {
        const w = s.workloads[pick % s.workloads.length]!;
        if (w.cacheHitRate === undefined) return;
        const more: Scenario = structuredClone(s);
        const m = more.workloads[pick % more.workloads.length]!;
        m.cacheHitRate = Math.min(1, w.cacheHitRate + extra);
        m.compression = Math.min(1, (w.compression ?? 0) + extra);
        expect(credits(more).lte(credits(s))).to.equal(true);
      }),
      RUNS,
    );
  });

  it('routing any share to a service that is nowhere dearer never raises the cost', () => {
    const chats = gptbots.services.filter((s) => shapeOf(s) === 'chat' && offeredModes(s).includes('platform'));
    const cheaper = (a: Service, b: Service) =>
      PRICE_KEYS.every((k) => {
        const pa = effectivePrice(gptbots, a, 'platform', k);
        const pb = effectivePrice(gptbots, b, 'platform', k);
        return !pa || (pb && pb.charged !== null && pa.charged !== null && new Decimal(pb.charged).lte(pa.charged));
      });
    const pairs = chats.flatMap((a) => chats.filter((b) => b !== a && cheaper(a, b)).map((b) => [a, b] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), workloadFor(chats[0]!, 'platform'), shareArb, fc.integer({ min: 1, max: 100 }), ([a, b], w, share, users) => {
        const base: Scenario = { version: 1, period: { basis: 'working', days: 21 }, users, workloads: [{ ...w, service: a.id }] };
        const routed: Scenario = { ...base, workloads: [{ ...w, service: a.id, routeShare: share, routeTo: b.id }] };
        expect(credits(routed).lte(credits(base))).to.equal(true);
      }),
      RUNS,
    );
  });

  it('the band holds low ≤ expected ≤ high, for the total and every workload', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (s, down, up) => {
        const ranged: Scenario = structuredClone(s);
        ranged.ranges = { users: { low: Math.max(0, ranged.users - down), high: ranged.users + up } };
        for (const w of ranged.workloads) {
          const r = w.requestsPerUserPerDay;
          if (r !== undefined) w.ranges = { requestsPerUserPerDay: { low: r * 0.5, high: r * 2 } };
        }
        const result = simulateMonth(gptbots, ranged);
        const check = (b: { low: string; expected: string; high: string }) => {
          expect(new Decimal(b.low).lte(b.expected) && new Decimal(b.expected).lte(b.high)).to.equal(true);
        };
        check(result.band);
        result.byWorkload.forEach((w) => check(w.band));
      }),
      RUNS,
    );
  });

  it('the whole-number fast path prices exactly as the Decimal path', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        // An output cap no request reaches changes nothing but sends chat workloads down the Decimal path.
        const slow: Scenario = { ...s, workloads: s.workloads.map((w) => (w.outputTokens !== undefined ? { ...w, outputCap: 10_000_000 } : w)) };
        const a = simulateMonth(gptbots, s);
        const b = simulateMonth(gptbots, slow);
        expect(a.credits).to.equal(b.credits);
        expect(a.lines).to.deep.equal(b.lines);
      }),
      RUNS,
    );
  });

  it('every scenario survives the URL round trip unchanged', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (s, name) => {
        const withName: Scenario = name === undefined ? s : { ...s, name };
        expect(decodeScenario(encodeScenario(withName))).to.deep.equal({ scenario: withName, dropped: [], ok: true });
      }),
      RUNS,
    );
  });
});
