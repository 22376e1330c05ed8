// The scenario: a month of planned usage, as JSON (version 1). zod/mini checks each part on its
// own so that a damaged scenario (a tampered URL, a hand-edited file) can keep what is valid.
import * as z from 'zod/mini';
import { Decimal } from '../decimal.js';
import { UsageError, type Issue } from '../errors.js';
import { toIssues } from '../validation.js';
import { MAX_WORKING_DAYS } from './period.js';

export const SCENARIO_VERSION = 1;

/** Upper bounds that keep every monthly quantity far from overflow and absurd input (10^15 requests) out. */
export const LIMITS = {
  users: 1_000_000,
  days: 31,
  requestsPerUserPerDay: 100_000,
  tokensPerRequest: 10_000_000,
  imagesPerRequest: 1000,
  imageSide: 100_000,
  toolCalls: 10_000,
  audioSeconds: 86_400,
  characters: 10_000_000,
  knowledgeBaseTokens: 1_000_000_000_000,
  workloads: 5000,
} as const;

const count = (max: number) => z.number().check(z.gte(0, 'must not be negative'), z.lte(max, `must be at most ${max.toLocaleString('en')}`));
const share = z.number().check(z.gte(0, 'must be a share from 0 to 1'), z.lte(1, 'must be a share from 0 to 1'));
const range = (max: number) => z.strictObject({ low: count(max), high: count(max) });

/** Fields of a workload that may carry a low / high range (each makes the cost larger as it grows). */
export const RANGE_FIELDS = [
  'users',
  'requestsPerUserPerDay',
  'inputTokens',
  'outputTokens',
  'imagesPerRequest',
  'toolCalls',
  'audioSeconds',
  'characters',
  'knowledgeBaseTokens',
] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

const MAX_OF: Record<RangeField, number> = {
  users: LIMITS.users,
  requestsPerUserPerDay: LIMITS.requestsPerUserPerDay,
  inputTokens: LIMITS.tokensPerRequest,
  outputTokens: LIMITS.tokensPerRequest,
  imagesPerRequest: LIMITS.imagesPerRequest,
  toolCalls: LIMITS.toolCalls,
  audioSeconds: LIMITS.audioSeconds,
  characters: LIMITS.characters,
  knowledgeBaseTokens: LIMITS.knowledgeBaseTokens,
};

export const workloadSchema = z.strictObject({
  /** Shown in breakdowns; defaults to the service's name. */
  name: z.optional(z.string().check(z.maxLength(200))),
  /** Service id, alias or display name. */
  service: z.string().check(z.minLength(1, 'choose a service')),
  /** @default the scenario's key mode, else the catalog's default */
  keyMode: z.optional(z.string()),
  /** Users of this workload; @default the scenario's users */
  users: z.optional(z.int().check(z.gte(0, 'must not be negative'), z.lte(LIMITS.users, `must be at most ${LIMITS.users.toLocaleString('en')}`))),
  requestsPerUserPerDay: z.optional(count(LIMITS.requestsPerUserPerDay)),
  /** Per request. */
  inputTokens: z.optional(count(LIMITS.tokensPerRequest)),
  outputTokens: z.optional(count(LIMITS.tokensPerRequest)),
  /** Input images per request (chat models), each width × height pixels, priced as input tokens by the tile rule. */
  imagesPerRequest: z.optional(count(LIMITS.imagesPerRequest)),
  imageWidth: z.optional(z.int().check(z.gte(1, 'must be at least 1 pixel'), z.lte(LIMITS.imageSide))),
  imageHeight: z.optional(z.int().check(z.gte(1, 'must be at least 1 pixel'), z.lte(LIMITS.imageSide))),
  /** Tool calls per request, priced by `toolService` (default: the catalog's one tool-invocation service). */
  toolCalls: z.optional(count(LIMITS.toolCalls)),
  toolService: z.optional(z.string().check(z.minLength(1))),
  /** Audio seconds per request (ASR services, priced per 60 seconds). */
  audioSeconds: z.optional(count(LIMITS.audioSeconds)),
  /** Characters per request (TTS services). */
  characters: z.optional(count(LIMITS.characters)),
  /** Knowledge-base size in tokens, stored every calendar day of the month (token-days). */
  knowledgeBaseTokens: z.optional(count(LIMITS.knowledgeBaseTokens)),
  // The levers of seed 002.
  /** Share of requests routed to `routeTo` (a cheaper service), 0–1. */
  routeShare: z.optional(share),
  routeTo: z.optional(z.string()),
  /** Share of requests answered from a cache, 0–1: a cached answer costs nothing. */
  cacheHitRate: z.optional(share),
  /** Share of input tokens removed by prompt compression, 0–1. */
  compression: z.optional(share),
  /** Share of the requests to the workload's own service sent through its batch tier (priced at its batch prices), 0–1; only where the service offers batch. */
  batchShare: z.optional(share),
  /** Share of each request's input tokens read from the provider's prompt cache (cache reads, at the cached-input price), 0–1. */
  cacheReadShare: z.optional(share),
  /** Share of each request's input tokens written to the prompt cache with the default TTL (Anthropic: 5 minutes), 0–1. */
  cacheWriteShare: z.optional(share),
  /** Share of each request's input tokens written to the prompt cache with a 1-hour TTL, 0–1. */
  cacheWrite1hShare: z.optional(share),
  /** Output tokens per request at most (max_tokens). */
  outputCap: z.optional(count(LIMITS.tokensPerRequest)),
  /** Low / high values of quantities; the result then carries a low–expected–high band. */
  ranges: z.optional(
    z.strictObject(Object.fromEntries(RANGE_FIELDS.map((f) => [f, z.optional(range(MAX_OF[f]))])) as Record<RangeField, z.ZodMiniOptional<ReturnType<typeof range>>>),
  ),
});

export const periodSchema = z
  .strictObject({
    /** "calendar": every day of the month; "working": Monday to Friday only. */
    basis: z.enum(['calendar', 'working']),
    /** Days of use in the month (`daysOfUse(month, basis)` counts them for a calendar month). */
    days: z.int().check(z.gte(1, 'must be at least 1 day'), z.lte(LIMITS.days, `must be at most ${LIMITS.days} days`)),
    /** Calendar days that stored knowledge is billed for; @default days (calendar), 30 (working) */
    calendarDays: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.days))),
  })
  .check(
    z.refine((p) => p.basis !== 'working' || p.days <= MAX_WORKING_DAYS, {
      message: `a month has at most ${MAX_WORKING_DAYS} working days (Monday to Friday)`,
      path: ['days'],
    }),
  );

const usersSchema = z.int().check(z.gte(0, 'must not be negative'), z.lte(LIMITS.users, `must be at most ${LIMITS.users.toLocaleString('en')}`));

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION),
  name: z.optional(z.string().check(z.maxLength(200))),
  period: periodSchema,
  users: usersSchema,
  /** Key mode of every workload that names none. */
  keyMode: z.optional(z.string()),
  ranges: z.optional(z.strictObject({ users: z.optional(range(LIMITS.users)) })),
  workloads: z.array(workloadSchema).check(z.maxLength(LIMITS.workloads, `at most ${LIMITS.workloads} workloads`)),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type Workload = z.output<typeof workloadSchema>;
export type Period = z.output<typeof periodSchema>;
export interface Range {
  low: number;
  high: number;
}

export const DEFAULT_PERIOD: Period = { basis: 'working', days: 21 };

/** An empty scenario: one user, 21 working days, no workloads. */
export function emptyScenario(): Scenario {
  return { version: SCENARIO_VERSION, period: { ...DEFAULT_PERIOD }, users: 1, workloads: [] };
}

/** Issues a schema cannot express: a range must hold its expected value (low ≤ expected ≤ high). */
function rangeIssues(value: Record<string, unknown>, ranges: Partial<Record<string, Range>> | undefined, at: string, fallback: (f: string) => number): Issue[] {
  const issues: Issue[] = [];
  for (const [field, r] of Object.entries(ranges ?? {})) {
    if (!r) continue;
    const expected = typeof value[field] === 'number' ? (value[field] as number) : fallback(field);
    if (!(r.low <= expected && expected <= r.high)) {
      issues.push({ path: `${at}ranges.${field}`, message: `expected low ≤ ${expected} ≤ high, got ${r.low} – ${r.high}` });
    }
  }
  return issues;
}

function workloadIssues(w: Workload, at: string, scenarioUsers: number): Issue[] {
  const issues = rangeIssues(w as unknown as Record<string, unknown>, w.ranges, at, (f) => (f === 'users' ? scenarioUsers : 0));
  if ((w.routeShare ?? 0) > 0 && !w.routeTo) issues.push({ path: `${at}routeTo`, message: 'name the service that routed requests go to' });
  const cached = [w.cacheReadShare, w.cacheWriteShare, w.cacheWrite1hShare].reduce((sum: Decimal, x) => (x ? sum.plus(String(x)) : sum), new Decimal(0));
  if (cached.gt(1)) issues.push({ path: `${at}cacheWriteShare`, message: `cache reads and writes are shares of one input: together at most 1, got ${cached.toFixed()}` });
  if ((w.imagesPerRequest ?? 0) > 0 && (w.imageWidth === undefined || w.imageHeight === undefined)) {
    issues.push({ path: `${at}imageWidth`, message: 'give the width and height of the input images' });
  }
  return issues;
}

function check<T>(schema: z.ZodMiniType<T>, value: unknown, base: string): { ok: true; value: T } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error.issues, base) };
}

export interface LoadedScenario {
  /** What was valid (defaults in place of invalid top-level fields, invalid workloads left out). */
  scenario: Scenario;
  /** Each thing that was dropped or replaced, with its path and why. */
  dropped: Issue[];
}

/**
 * Reads a scenario leniently: every valid part is kept, every invalid part is dropped or
 * replaced by its default and reported. For a strict read use `parseScenario`.
 */
export function loadScenario(input: unknown): LoadedScenario {
  const dropped: Issue[] = [];
  const base = emptyScenario();
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { scenario: base, dropped: [{ path: '', message: 'expected a scenario object' }] };
  }
  const raw = input as Record<string, unknown>;
  if (raw.version !== SCENARIO_VERSION) {
    dropped.push({ path: 'version', message: versionMessage(raw.version) });
    if (typeof raw.version === 'number' && raw.version > SCENARIO_VERSION) return { scenario: base, dropped };
  }
  for (const key of Object.keys(raw)) {
    if (!['version', 'name', 'period', 'users', 'keyMode', 'ranges', 'workloads'].includes(key)) dropped.push({ path: key, message: 'unknown field, ignored' });
  }
  const field = <T>(key: keyof Scenario, schema: z.ZodMiniType<T>, apply: (v: T) => void) => {
    if (raw[key] === undefined) return;
    const r = check(schema, raw[key], key);
    if (r.ok) apply(r.value);
    else dropped.push(...r.issues.map((i) => ({ ...i, message: `${i.message}; the default is used` })));
  };
  field('name', scenarioSchema.shape.name, (v) => v !== undefined && (base.name = v));
  field('period', periodSchema, (v) => (base.period = v));
  field('users', usersSchema, (v) => (base.users = v));
  field('keyMode', scenarioSchema.shape.keyMode, (v) => v !== undefined && (base.keyMode = v));
  field('ranges', scenarioSchema.shape.ranges, (v) => {
    const issues = rangeIssues({ users: base.users }, v?.users ? { users: v.users } : undefined, '', () => 0);
    if (issues.length) dropped.push(...issues);
    else if (v) base.ranges = v;
  });
  if (raw.workloads !== undefined) {
    if (!Array.isArray(raw.workloads)) dropped.push({ path: 'workloads', message: 'expected a list of workloads' });
    else {
      raw.workloads.slice(0, LIMITS.workloads).forEach((w, i) => {
        const at = `workloads[${i}]`;
        const r = check(workloadSchema, w, at);
        const issues = r.ok ? workloadIssues(r.value, `${at}.`, base.users) : r.issues;
        if (r.ok && issues.length === 0) base.workloads.push(r.value);
        else dropped.push({ path: at, message: `workload dropped: ${issues.map((x) => `${x.path.slice(at.length + 1) || 'it'} ${x.message}`).join('; ')}` });
      });
      if (raw.workloads.length > LIMITS.workloads) dropped.push({ path: 'workloads', message: `only the first ${LIMITS.workloads} workloads are kept` });
    }
  }
  return { scenario: base, dropped };
}

function versionMessage(version: unknown): string {
  if (typeof version === 'number' && version > SCENARIO_VERSION) {
    return `this scenario was made by a newer version of creditkit (scenario version ${version}); this one reads version ${SCENARIO_VERSION}. Nothing was loaded`;
  }
  return `expected scenario version ${SCENARIO_VERSION}, got ${JSON.stringify(version) ?? 'none'}; read as version ${SCENARIO_VERSION}`;
}

/** Checks a scenario once: the valid scenario, or every problem with its path. */
export function validateScenario(input: unknown): { scenario?: Scenario; issues: Issue[] } {
  const r = check(scenarioSchema, input, '');
  if (!r.ok) return { issues: r.issues };
  const s = r.value;
  const issues = rangeIssues({ users: s.users }, s.ranges, '', () => 0);
  s.workloads.forEach((w, i) => issues.push(...workloadIssues(w, `workloads[${i}].`, s.users)));
  return issues.length ? { issues } : { scenario: s, issues };
}

/** Every problem of a scenario's shape, with its path; empty when it is valid. */
export function scenarioIssues(input: unknown): Issue[] {
  return validateScenario(input).issues;
}

/** Strict read: the scenario, or throws UsageError listing every problem. */
export function parseScenario(input: unknown): Scenario {
  const { scenario, issues } = validateScenario(input);
  if (!scenario) throw new UsageError(issues, 'invalid scenario');
  return scenario;
}
