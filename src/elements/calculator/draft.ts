// The form's state: what the user typed, as text, per field. A draft becomes a scenario only when
// every field parses; otherwise each bad field gets its reason and the last valid result stays.
import {
  batchPrices,
  defaultKeyMode,
  findService,
  shapeOf,
  UsageError,
  type Catalog,
  type Scenario,
  type Service,
  type Shape,
  type Workload,
  SCENARIO_LIMITS as LIMITS,
} from '../../core/index.js';
import { numberFormat } from '../../i18n/index.js';
import type { FieldId } from './calculator.strings.js';
import { parseNumber, type NumberRule, type ParsedNumber } from './parse-number.js';

/** Number fields of a workload shown as text inputs. */
export type WorkloadField = Exclude<FieldId, 'name' | 'users' | 'days' | 'balance'>;

export interface WorkloadDraft {
  /** Stable key for element ids and rendering. */
  key: number;
  /** Bumped on every edit of this workload: its fieldset re-renders only then. */
  rev: number;
  name: string;
  service: string;
  keyMode: string;
  text: Partial<Record<WorkloadField, string>>;
  /** Sliders, in whole percent. */
  cacheHitRate: number;
  compression: number;
  routeShare: number;
  routeTo: string;
  /** Share of requests through the service's batch tier, and shares of the prompt read from / written to the provider's cache (5 min, 1 h). */
  batchShare: number;
  cacheReadShare: number;
  cacheWriteShare: number;
  cacheWrite1hShare: number;
  prompt: string;
  /** Why a prompt file was refused (too large). */
  promptError?: string;
  /** The card shows its fields (else only its one-line summary). */
  open: boolean;
  /** The levers (cache, compression, routing) are shown. */
  leversOpen: boolean;
  /** Fields of the workload the form does not show (ranges of other quantities, …), kept as loaded. */
  extra: Partial<Workload>;
}

export interface Draft {
  name: string;
  basis: 'calendar' | 'working';
  text: { users: string; days: string; balance: string };
  workloads: WorkloadDraft[];
  /** Scenario fields the form does not show, kept as loaded. */
  extra: Partial<Scenario>;
}

interface FieldRule extends NumberRule {
  optional?: boolean;
}

export const RULES: Record<WorkloadField | 'users' | 'days' | 'balance', FieldRule> = {
  users: { max: LIMITS.users, integer: true },
  days: { min: 1, max: LIMITS.days, integer: true },
  balance: { max: 1e15, optional: true },
  requestsPerUserPerDay: { max: LIMITS.requestsPerUserPerDay },
  requestsLow: { max: LIMITS.requestsPerUserPerDay, optional: true },
  requestsHigh: { max: LIMITS.requestsPerUserPerDay, optional: true },
  inputTokens: { max: LIMITS.tokensPerRequest },
  outputTokens: { max: LIMITS.tokensPerRequest },
  imagesPerRequest: { max: LIMITS.imagesPerRequest, optional: true },
  imageWidth: { min: 1, max: LIMITS.imageSide, integer: true, optional: true },
  imageHeight: { min: 1, max: LIMITS.imageSide, integer: true, optional: true },
  toolCalls: { max: LIMITS.toolCalls, optional: true },
  audioSeconds: { max: LIMITS.audioSeconds },
  characters: { max: LIMITS.characters },
  knowledgeBaseTokens: { max: LIMITS.knowledgeBaseTokens },
  outputCap: { max: LIMITS.tokensPerRequest, optional: true },
};

/** Fields shown for each shape of service. */
export function fieldsFor(shape: Shape, hasToolService: boolean): WorkloadField[] {
  const requests: WorkloadField[] = ['requestsPerUserPerDay', 'requestsLow', 'requestsHigh'];
  switch (shape) {
    case 'chat':
      return [...requests, 'inputTokens', 'outputTokens', 'imagesPerRequest', 'imageWidth', 'imageHeight', ...(hasToolService ? (['toolCalls'] as const) : []), 'outputCap'];
    case 'tokens':
      return [...requests, 'inputTokens'];
    case 'seconds':
      return [...requests, 'audioSeconds'];
    case 'characters':
      return [...requests, 'characters'];
    case 'requests':
      return requests;
    case 'token-days':
      return ['knowledgeBaseTokens'];
  }
}

/** Workload fields the form controls (everything else is kept in `extra`). */
const CONTROLLED = new Set<string>([
  'name',
  'service',
  'keyMode',
  'requestsPerUserPerDay',
  'inputTokens',
  'outputTokens',
  'imagesPerRequest',
  'imageWidth',
  'imageHeight',
  'toolCalls',
  'audioSeconds',
  'characters',
  'knowledgeBaseTokens',
  'outputCap',
  'cacheHitRate',
  'compression',
  'routeShare',
  'routeTo',
  'batchShare',
  'cacheReadShare',
  'cacheWriteShare',
  'cacheWrite1hShare',
]);

/** The prompt-cache levers of a chat workload (percent in the draft, shares in the scenario). */
export const CACHE_LEVERS = ['cacheReadShare', 'cacheWriteShare', 'cacheWrite1hShare'] as const;

const toolServices = new WeakMap<Catalog, boolean>();

/** True when the catalog has exactly one tool-invocation service to price tool calls with. */
export function hasToolService(catalog: Catalog): boolean {
  let has = toolServices.get(catalog);
  if (has === undefined) {
    has = catalog.services.filter((s) => s.billingType === 'tool-invocation').length === 1;
    toolServices.set(catalog, has);
  }
  return has;
}

/** A number as an editable text in the locale, without grouping ("1500", "12,5"). */
export function editText(value: number | undefined, locale: string): string {
  if (value === undefined) return '';
  return numberFormat(locale, { useGrouping: false, maximumFractionDigits: 6 }).format(value);
}

/** The text one step (±1, ±10) from `text`, kept within the field's rule; a text that does not parse stays. */
export function stepText(text: string, delta: number, rule: NumberRule, locale: string): string {
  const parsed = parseNumber(text, locale, rule);
  const value = parsed.ok ? parsed.value : parsed.reason === 'empty' ? 0 : undefined;
  if (value === undefined) return text;
  // Counts, not money: rounded to the 6 decimals a field shows.
  const next = Math.min(rule.max, Math.max(rule.min ?? 0, Math.round((value + delta) * 1e6) / 1e6));
  return editText(next, locale);
}

const percent = (share: number | undefined) => Math.round((share ?? 0) * 100);

let nextKey = 1;

export function workloadDraft(w: Workload, locale: string): WorkloadDraft {
  const extra: Partial<Workload> = {};
  for (const [k, v] of Object.entries(w)) if (!CONTROLLED.has(k)) (extra as Record<string, unknown>)[k] = v;
  const range = w.ranges?.requestsPerUserPerDay;
  if (extra.ranges) {
    const { requestsPerUserPerDay: _, ...others } = extra.ranges;
    if (Object.keys(others).length) extra.ranges = others;
    else delete extra.ranges;
  }
  const t = (v: number | undefined) => editText(v, locale);
  return {
    key: nextKey++,
    rev: 0,
    name: w.name ?? '',
    service: w.service,
    keyMode: w.keyMode ?? '',
    text: {
      requestsPerUserPerDay: t(w.requestsPerUserPerDay ?? 0),
      requestsLow: t(range?.low),
      requestsHigh: t(range?.high),
      inputTokens: t(w.inputTokens ?? 0),
      outputTokens: t(w.outputTokens ?? 0),
      imagesPerRequest: t(w.imagesPerRequest),
      imageWidth: t(w.imageWidth),
      imageHeight: t(w.imageHeight),
      toolCalls: t(w.toolCalls),
      audioSeconds: t(w.audioSeconds ?? 0),
      characters: t(w.characters ?? 0),
      knowledgeBaseTokens: t(w.knowledgeBaseTokens ?? 0),
      outputCap: t(w.outputCap),
    },
    cacheHitRate: percent(w.cacheHitRate),
    compression: percent(w.compression),
    routeShare: percent(w.routeShare),
    routeTo: w.routeTo ?? '',
    batchShare: percent(w.batchShare),
    cacheReadShare: percent(w.cacheReadShare),
    cacheWriteShare: percent(w.cacheWriteShare),
    cacheWrite1hShare: percent(w.cacheWrite1hShare),
    prompt: '',
    open: true,
    leversOpen: !!(w.cacheHitRate || w.compression || w.routeShare || w.outputCap || w.batchShare || w.cacheReadShare || w.cacheWriteShare || w.cacheWrite1hShare),
    extra,
  };
}

export function scenarioDraft(s: Scenario, locale: string, balance = ''): Draft {
  const { name: _n, period: _p, users: _u, workloads: _w, version: _v, ...extra } = s;
  const extraScenario: Partial<Scenario> = { ...extra };
  if (s.period.calendarDays !== undefined) extraScenario.period = s.period;
  return {
    name: s.name ?? '',
    basis: s.period.basis,
    text: { users: editText(s.users, locale), days: editText(s.period.days, locale), balance },
    // Three or more workloads start as cards folded to their summaries, but the first.
    workloads: s.workloads.map((w, i) => ({ ...workloadDraft(w, locale), open: s.workloads.length < 3 || i === 0 })),
    extra: extraScenario,
  };
}

/** Field errors, keyed `users`, `days`, `balance` or `<workload key>.<field>`. */
export type FieldErrors = Map<string, Exclude<ParsedNumber, { ok: true }>['reason'] | { message: string }>;

export interface Built {
  scenario?: Scenario;
  balance?: string;
  errors: FieldErrors;
}

/** The scenario a draft describes, or the field errors that keep it from being one. Never throws. */
export function buildScenario(draft: Draft, catalog: Catalog, locale: string): Built {
  const errors: FieldErrors = new Map();
  const num = (key: string, text: string | undefined, rule: FieldRule): number | undefined => {
    if (rule.optional && (text ?? '').trim() === '') return undefined;
    const parsed = parseNumber(text ?? '', locale, rule);
    if (parsed.ok) return parsed.value;
    errors.set(key, parsed.reason);
    return undefined;
  };
  const users = num('users', draft.text.users, RULES.users);
  const days = num('days', draft.text.days, RULES.days);
  const balance = num('balance', draft.text.balance, RULES.balance);
  const tools = hasToolService(catalog);

  const workloads = draft.workloads.map((d): Workload => {
    const w: Workload = { ...(d.extra as Workload), service: d.service };
    if (d.name.trim()) w.name = d.name.trim();
    if (d.keyMode) w.keyMode = d.keyMode;
    let shape: Shape = 'chat';
    let service: Service | undefined;
    try {
      service = findService(catalog, d.service);
      shape = shapeOf(service);
    } catch {
      errors.set(`${d.key}.service`, { message: `unknown service "${d.service}"` });
    }
    const fields = fieldsFor(shape, tools);
    const values: Partial<Record<WorkloadField, number>> = {};
    for (const f of fields) {
      const v = num(`${d.key}.${f}`, d.text[f], RULES[f]);
      if (v !== undefined) values[f] = v;
    }
    const { requestsLow, requestsHigh, imagesPerRequest, imageWidth, imageHeight, ...plain } = values;
    Object.assign(w, plain);
    if (imagesPerRequest) Object.assign(w, { imagesPerRequest, imageWidth, imageHeight });
    if (requestsLow !== undefined || requestsHigh !== undefined) {
      const expected = values.requestsPerUserPerDay ?? 0;
      w.ranges = { ...w.ranges, requestsPerUserPerDay: { low: requestsLow ?? expected, high: requestsHigh ?? expected } };
    }
    if (shape !== 'token-days' && d.cacheHitRate) w.cacheHitRate = d.cacheHitRate / 100;
    if ((shape === 'chat' || shape === 'tokens') && d.compression) w.compression = d.compression / 100;
    // Only where the service offers batch: the lever is disabled elsewhere, and a share kept from another service is not sent.
    if (shape !== 'token-days' && d.batchShare && service && batchPrices(service, d.keyMode || draft.extra.keyMode || defaultKeyMode(catalog))) w.batchShare = d.batchShare / 100;
    if (shape === 'chat') for (const f of CACHE_LEVERS) if (d[f]) w[f] = d[f] / 100;
    if (shape !== 'token-days' && d.routeShare && d.routeTo) {
      w.routeShare = d.routeShare / 100;
      w.routeTo = d.routeTo;
    }
    return w;
  });
  if (errors.size) return { errors };
  const scenario: Scenario = {
    ...(draft.extra as Scenario),
    version: 1,
    period: { ...draft.extra.period, basis: draft.basis, days: days! },
    users: users!,
    workloads,
  };
  if (draft.name.trim()) scenario.name = draft.name.trim();
  return { scenario, ...(balance !== undefined && { balance: String(balance) }), errors };
}

const PATH = /^workloads\[(\d+)\]\.(\w+)/;
const FIELD_OF_ISSUE: Record<string, string> = { ranges: 'requestsLow', imageWidth: 'imageWidth', routeTo: 'routeTo', toolService: 'toolCalls', cacheReadShare: 'cacheWriteShare', cacheWrite1hShare: 'cacheWriteShare' };

/** Maps a core UsageError's issues onto the form's fields (a general message where no field fits). */
export function issuesToErrors(error: unknown, draft: Draft): { errors: FieldErrors; general: string[] } {
  const errors: FieldErrors = new Map();
  const general: string[] = [];
  if (!(error instanceof UsageError)) {
    general.push(error instanceof Error ? error.message : String(error));
    return { errors, general };
  }
  for (const issue of error.issues) {
    const m = PATH.exec(issue.path);
    const d = m ? draft.workloads[Number(m[1])] : undefined;
    if (d && m) errors.set(`${d.key}.${FIELD_OF_ISSUE[m[2]!] ?? m[2]}`, { message: issue.message });
    else if (issue.path === 'users' || issue.path === 'period.days') errors.set(issue.path === 'users' ? 'users' : 'days', { message: issue.message });
    else general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { errors, general };
}
