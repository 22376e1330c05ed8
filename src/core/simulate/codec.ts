// A scenario in a URL: "<version>." + base64url(JSON with short keys). Compact, versioned, and
// safe to copy and paste (base64url has no character a URL, a mail client or a chat app mangles;
// whitespace and line breaks pasted into it are ignored). Decoding is lenient: what is valid is
// loaded, what is not is reported (loadScenario).
import { emptyScenario, loadScenario, SCENARIO_VERSION, type LoadedScenario, type Scenario } from './scenario.js';

/** The query parameter (or fragment key) that carries a scenario. */
export const SCENARIO_PARAM = 'scenario';

type KeyMap = Record<string, string>;
const SCENARIO_KEYS: KeyMap = { name: 'n', period: 'p', users: 'u', keyMode: 'k', ranges: 'g', workloads: 'w' };
const PERIOD_KEYS: KeyMap = { basis: 'b', days: 'd', calendarDays: 'c' };
const WORKLOAD_KEYS: KeyMap = {
  name: 'n',
  service: 's',
  keyMode: 'k',
  users: 'u',
  requestsPerUserPerDay: 'r',
  inputTokens: 'i',
  outputTokens: 'o',
  imagesPerRequest: 'm',
  imageWidth: 'mw',
  imageHeight: 'mh',
  toolCalls: 't',
  toolService: 'ts',
  audioSeconds: 'a',
  characters: 'c',
  knowledgeBaseTokens: 'kb',
  routeShare: 'rs',
  routeTo: 'rt',
  cacheHitRate: 'ch',
  compression: 'cp',
  outputCap: 'oc',
  batchShare: 'bs',
  cacheReadShare: 'cr',
  cacheWriteShare: 'cw',
  cacheWrite1hShare: 'cwh',
  ranges: 'g',
};
const invert = (m: KeyMap): KeyMap => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const LONG = { scenario: invert(SCENARIO_KEYS), period: invert(PERIOD_KEYS), workload: invert(WORKLOAD_KEYS) };
const BASIS: Record<string, string> = { calendar: 'c', working: 'w' };
const BASIS_LONG = invert(BASIS);

function rename(o: unknown, keys: KeyMap): Record<string, unknown> {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return o as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // A key missing from the map passes through unchanged, so the loader can name it.
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[keys[k] ?? k] = v;
  return out;
}

/** Ranges as `{ field: [low, high] }` with short field names. */
function shortRanges(r: unknown, keys: KeyMap): unknown {
  if (!r || typeof r !== 'object') return r;
  return Object.fromEntries(Object.entries(r as Record<string, { low: number; high: number }>).filter(([, v]) => v).map(([k, v]) => [keys[k] ?? k, [v.low, v.high]]));
}
function longRanges(r: unknown, keys: KeyMap): unknown {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return r;
  return Object.fromEntries(Object.entries(r as Record<string, unknown>).map(([k, v]) => [keys[k] ?? k, Array.isArray(v) ? { low: v[0], high: v[1] } : v]));
}

function compact(s: Scenario): unknown {
  const out = rename(s, SCENARIO_KEYS);
  delete out.version;
  const period = rename(s.period, PERIOD_KEYS);
  period.b = BASIS[s.period.basis];
  out.p = period;
  if (s.ranges) out.g = shortRanges(s.ranges, WORKLOAD_KEYS);
  out.w = s.workloads.map((w) => {
    const short = rename(w, WORKLOAD_KEYS);
    if (w.ranges) short.g = shortRanges(w.ranges, WORKLOAD_KEYS);
    return short;
  });
  return out;
}

function expand(o: unknown): unknown {
  const s = rename(o, LONG.scenario);
  if (!s || typeof s !== 'object') return s;
  s.version = SCENARIO_VERSION;
  const period = rename(s.period, LONG.period);
  if (period && typeof period === 'object') {
    if (typeof period.basis === 'string') period.basis = BASIS_LONG[period.basis] ?? period.basis;
    s.period = period;
  }
  if (s.ranges !== undefined) s.ranges = longRanges(s.ranges, LONG.workload);
  if (Array.isArray(s.workloads)) {
    s.workloads = s.workloads.map((w) => {
      const long = rename(w, LONG.workload);
      if (long && typeof long === 'object' && long.ranges !== undefined) long.ranges = longRanges(long.ranges, LONG.workload);
      return long;
    });
  }
  return s;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The scenario as a compact, URL-safe string: "1.eyJ1Ijo…". */
export function encodeScenario(scenario: Scenario): string {
  return `${SCENARIO_VERSION}.${toBase64Url(JSON.stringify(compact(scenario)))}`;
}

export interface DecodedScenario extends LoadedScenario {
  /** False when nothing could be read (the defaults are returned); `dropped` says why. */
  ok: boolean;
}

function failed(message: string): DecodedScenario {
  return { scenario: emptyScenario(), dropped: [{ path: '', message }], ok: false };
}

/** Reads what `encodeScenario` wrote: every valid part, and what was dropped and why. Never throws. */
export function decodeScenario(text: string): DecodedScenario {
  const cleaned = decodeURIComponentSafe(String(text)).replace(/\s+/g, '');
  const match = /^(\d+)\.([A-Za-z0-9_-]*)$/.exec(cleaned);
  if (!match) return failed('the shared scenario is damaged: it does not look like "<version>.<data>"');
  const version = Number(match[1]);
  if (version > SCENARIO_VERSION) {
    return failed(`the shared scenario was made by a newer version of creditkit (scenario version ${version}); this one reads version ${SCENARIO_VERSION}`);
  }
  if (version < 1) return failed(`scenario version ${version} is not a version creditkit ever wrote`);
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(match[2]!));
  } catch {
    return failed('the shared scenario is damaged: its data cannot be read (it was cut short or altered)');
  }
  const loaded = loadScenario(expand(json));
  return { ...loaded, ok: true };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The scenario carried by a URL (`?scenario=` or `#scenario=`, or another `param`), or undefined when it carries none. */
export function scenarioFromUrl(url: string | URL, param = SCENARIO_PARAM): DecodedScenario | undefined {
  const u = typeof url === 'string' ? new URL(url, 'http://localhost/') : url;
  const value = u.searchParams.get(param) ?? new URLSearchParams(u.hash.replace(/^#/, '')).get(param);
  return value === null ? undefined : decodeScenario(value);
}

/** `url` with the scenario in its query as `param` (other parameters kept). */
export function scenarioUrl(url: string | URL, scenario: Scenario, param = SCENARIO_PARAM): string {
  const u = new URL(String(url), 'http://localhost/');
  u.searchParams.set(param, encodeScenario(scenario));
  return u.toString();
}

/** The scenario as pretty JSON, for export. */
export function scenarioToJson(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2) + '\n';
}

/** A scenario from JSON text (an export), leniently: never throws. */
export function scenarioFromJson(text: string): DecodedScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failed(`not valid JSON: ${(error as Error).message}`);
  }
  const loaded = loadScenario(json);
  const newer = loaded.dropped.some((d) => d.path === 'version' && /newer/.test(d.message));
  return { ...loaded, ok: !newer };
}
