// Presets: typical months to start from. Each names the services it prefers and falls back to
// any service of the same billing type in the catalog; a preset the catalog cannot price at all
// is not offered. Figures are starting points, to be edited.
import { defaultKeyMode, shapeOf, tryFindService, type Catalog, type Period, type Scenario, type Service, type Shape, type Workload } from '../../core/index.js';

export type PresetId = 'support' | 'knowledge' | 'voice' | 'workday';
export type PresetWorkloadId = 'answers' | 'moderation' | 'embedding' | 'reranking' | 'knowledgeBase' | 'speechRecognition' | 'speechOutput' | 'longChats' | 'images' | 'wizards';

interface PresetWorkload extends Omit<Workload, 'service' | 'name'> {
  /** Its name, in the page's language (the calculator's strings). */
  name: PresetWorkloadId;
  /** Preferred services, first match wins; then any service of `billingType`. */
  services: string[];
  billingType?: string;
}

interface Preset {
  users: number;
  period: Scenario['period'];
  workloads: PresetWorkload[];
  /** Only for a catalog that has every preferred service (the workday is meinGPT's own example). */
  strict?: boolean;
}

const PRESETS: Record<PresetId, Preset> = {
  support: {
    users: 1,
    period: { basis: 'calendar', days: 30 },
    workloads: [
      { name: 'answers', services: ['openai/gpt-4.1-mini-1m', 'openai/gpt-4o'], billingType: 'llm-text-chat', requestsPerUserPerDay: 400, inputTokens: 1200, outputTokens: 300, cacheHitRate: 0.2 },
      { name: 'moderation', services: ['openai/omni-moderation'], billingType: 'content-moderation', requestsPerUserPerDay: 400 },
    ],
  },
  knowledge: {
    users: 20,
    period: { basis: 'working', days: 21 },
    workloads: [
      { name: 'answers', services: ['openai/gpt-4.1-1m', 'openai/gpt-4o'], billingType: 'llm-text-chat', requestsPerUserPerDay: 15, inputTokens: 3000, outputTokens: 400 },
      { name: 'embedding', services: ['openai/text-embedding-3-small'], billingType: 'knowledge-indexing', requestsPerUserPerDay: 15, inputTokens: 30 },
      { name: 'reranking', services: ['jina/jina-reranker-m0'], billingType: 'knowledge-reranking', requestsPerUserPerDay: 15, inputTokens: 3000 },
      { name: 'knowledgeBase', services: ['gptbots/vector-storage'], billingType: 'knowledge-storage', knowledgeBaseTokens: 2_000_000 },
    ],
  },
  voice: {
    users: 10,
    period: { basis: 'working', days: 21 },
    workloads: [
      { name: 'speechRecognition', services: ['openai/gpt-4o-mini-transcribe', 'openai/whisper-large-v3'], billingType: 'asr', requestsPerUserPerDay: 20, audioSeconds: 15 },
      { name: 'answers', services: ['openai/gpt-4o-mini-128k', 'openai/gpt-4o'], billingType: 'llm-text-chat', requestsPerUserPerDay: 20, inputTokens: 800, outputTokens: 150 },
      { name: 'speechOutput', services: ['openai/tts'], billingType: 'tts', requestsPerUserPerDay: 20, characters: 600 },
    ],
  },
  // meinGPT's "productive workday" (seed 003), per user and working day. The 30 longer chats are
  // with Claude Opus 4.7, whose per-token price meinGPT does not publish: GPT-4o stands in.
  workday: {
    users: 1,
    period: { basis: 'working', days: 21 },
    strict: true,
    workloads: [
      { name: 'longChats', services: ['openai/gpt-4o'], requestsPerUserPerDay: 30, inputTokens: 6000, outputTokens: 2000 },
      { name: 'images', services: ['openai/gpt-image-1'], requestsPerUserPerDay: 5 },
      { name: 'wizards', services: ['meingpt/workflow-wizard'], requestsPerUserPerDay: 2 },
    ],
  },
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

function pick(catalog: Catalog, w: PresetWorkload, strict: boolean): string | undefined {
  for (const id of w.services) if (tryFindService(catalog, id)) return id;
  if (strict || !w.billingType) return undefined;
  const keyMode = defaultKeyMode(catalog);
  return catalog.services.find((s) => s.billingType === w.billingType && s.prices[keyMode] && Object.values(s.prices[keyMode]!).every((p) => p !== null))?.id;
}

/** The preset as a scenario for this catalog, or undefined when the catalog cannot price it. `names`: its workloads' names in the page's language. */
export function presetScenario(catalog: Catalog, id: PresetId, name?: string, names?: Record<PresetWorkloadId, string>): Scenario | undefined {
  const preset = PRESETS[id];
  const workloads: Workload[] = [];
  for (const entry of preset.workloads) {
    const { services: _, billingType: __, name: workloadName, ...w } = entry;
    const service = pick(catalog, entry, !!preset.strict);
    if (!service) {
      if (preset.strict) return undefined;
      continue;
    }
    workloads.push({ ...(names && { name: names[workloadName] }), ...w, service });
  }
  if (workloads.length === 0) return undefined;
  return { version: 1, ...(name && { name }), period: { ...preset.period }, users: preset.users, workloads };
}

const available = new WeakMap<Catalog, PresetId[]>();

/** Presets this catalog can price (worked out once per catalog). */
export function availablePresets(catalog: Catalog): PresetId[] {
  let ids = available.get(catalog);
  if (!ids) {
    ids = PRESET_IDS.filter((id) => presetScenario(catalog, id) !== undefined);
    available.set(catalog, ids);
  }
  return ids;
}

/** Typical figures per request for a workload of each shape of service: a start, to be edited. */
const STARTER: Record<Shape, Omit<Workload, 'service'>> = {
  chat: { requestsPerUserPerDay: 10, inputTokens: 1000, outputTokens: 300 },
  tokens: { requestsPerUserPerDay: 10, inputTokens: 1000 },
  seconds: { requestsPerUserPerDay: 10, audioSeconds: 60 },
  characters: { requestsPerUserPerDay: 10, characters: 600 },
  requests: { requestsPerUserPerDay: 10 },
  'token-days': { knowledgeBaseTokens: 1_000_000 },
};

/** A workload of `service` with typical figures for its kind of pricing. */
export function starterWorkload(service: Service, keyMode?: string): Workload {
  return { service: service.id, ...(keyMode && { keyMode }), ...STARTER[shapeOf(service)] };
}

/** A month of one service alone, for one user: the planner opened with a model chosen in a price list. */
export function serviceScenario(service: Service, keyMode: string | undefined, period: Period): Scenario {
  return { version: 1, period, users: 1, workloads: [starterWorkload(service, keyMode)] };
}
