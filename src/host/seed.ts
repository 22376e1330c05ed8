// Deterministic demo data: an organisation on the meinGPT catalog with departments, users,
// limits and budgets, top-ups, and 60 days of usage (mulberry32, so every seed is the same),
// recorded through the same rules as live events. A second, small organisation uses the
// GPTBots catalog: each organisation has one catalog.
import type { UsageEventRequest } from '../sdk/contract/index.js';
import type { EventSubmission, Ledger } from './ledger.js';
import { addDays } from './periods.js';
import type { DepartmentRow, OrganisationRow, Store, UserRow } from './store/types.js';

type Usage = UsageEventRequest['records'][number];

export interface SeedOptions {
  /** The day after the last seeded day (YYYY-MM-DD). @default today (UTC) */
  until?: string;
  /** @default 60 */
  days?: number;
}

export const DEMO_ORG = 'org-nordlicht';
export const DEMO_USER = 'u-anna';

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  { id: 'd-engineering', name: 'Engineering', budget: '6000', protection: 0 },
  { id: 'd-marketing', name: 'Marketing', budget: '2500', protection: 1 },
  { id: 'd-sales', name: 'Sales', budget: '2000', protection: 1 },
];
const USERS = [
  { id: 'u-anna', name: 'Anna Schmidt', dept: 'd-engineering', role: 'admin', daily: null, monthly: null },
  { id: 'u-ben', name: 'Ben Weber', dept: 'd-engineering', role: 'member', daily: '300', monthly: '4000' },
  { id: 'u-clara', name: 'Clara Fischer', dept: 'd-marketing', role: 'member', daily: '200', monthly: '2000' },
  { id: 'u-david', name: 'David Meyer', dept: 'd-marketing', role: 'member', daily: '200', monthly: '2000' },
  { id: 'u-emma', name: 'Emma Wagner', dept: 'd-sales', role: 'member', daily: '150', monthly: '1500' },
  { id: 'u-felix', name: 'Felix Becker', dept: 'd-sales', role: 'member', daily: '150', monthly: '1500' },
] as const;

const ORGANISATIONS: OrganisationRow[] = [
  { id: DEMO_ORG, name: 'Nordlicht GmbH', catalog: 'meingpt', lowBalancePercents: ['20', '10', '0'], autoRecharge: { enabled: true, threshold: '1000', credits: '5000', monthlyLimit: '10000' } },
  { id: 'org-gptbots', name: 'Harbour Bots Ltd', catalog: 'gptbots', lowBalancePercents: ['20', '10', '0'], autoRecharge: { enabled: false, threshold: '0', credits: '0', monthlyLimit: null } },
];

/** Creates the organisations and users (no usage): enough for tests that start from zero. */
export async function seedOrganisations(store: Store): Promise<void> {
  const departments: DepartmentRow[] = DEPARTMENTS.map((d) => ({ id: d.id, orgId: DEMO_ORG, name: d.name, monthlyBudget: d.budget, overdraftProtection: d.protection === 1 }));
  const users: UserRow[] = [
    ...USERS.map((u) => ({ id: u.id, orgId: DEMO_ORG, departmentId: u.dept, name: u.name, role: u.role, dailyLimit: u.daily, monthlyLimit: u.monthly })),
    { id: 'u-gina', orgId: 'org-gptbots', departmentId: null, name: 'Gina Harper', role: 'admin', dailyLimit: null, monthlyLimit: null },
  ];
  await store.insertDirectory({ organisations: ORGANISATIONS, departments, users });
}

/** One chat turn: GPT-4o tokens, sometimes tool calls, an image or a workflow run. */
function turn(random: () => number): Usage[] {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const records: Usage[] = [{ service: 'openai/gpt-4o', inputTokens: int(200, 3000), outputTokens: int(100, 1500) }];
  if (random() < 0.3) records.push({ service: 'meingpt/tool-call', requests: int(1, 3) });
  if (random() < 0.04) records.push({ service: 'openai/gpt-image-1', requests: int(1, 2) });
  if (random() < 0.03) records.push({ service: 'meingpt/workflow-wizard', requests: 1 });
  return records;
}

/** The demo's one anomaly: Anna makes a campaign's images on one Tuesday, far above her usual days. */
const IMAGE_BATCH = { chats: 11, images: 2 };

/** The Tuesday at least 3 days before `until`: recent enough to be in the demo month's chart. */
export function anomalyDayOf(until: string): string {
  let day = addDays(until, -3);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 2) day = addDays(day, -1);
  return day;
}

function imageBatch(day: string): EventSubmission[] {
  return Array.from({ length: IMAGE_BATCH.chats }, (_, c) => {
    const at = Date.parse(`${day}T13:00:00Z`) + c * 600_000;
    const key = `seed-batch-${day}-${c}`;
    return { who: { userId: 'u-anna', orgId: DEMO_ORG, role: 'admin' as const }, idempotencyKey: key, body: { chatId: `seed-${day}-campaign-${c}`, records: [{ service: 'openai/gpt-image-1', requests: IMAGE_BATCH.images }], at: new Date(at).toISOString() }, nowMs: at, eventId: key };
  });
}

/** Seeds organisations, top-ups and `days` days of usage before `until`, a day per transaction. */
export async function seedDemo(store: Store, ledger: Ledger, options: SeedOptions = {}): Promise<void> {
  const until = options.until ?? new Date(ledger.now()).toISOString().slice(0, 10);
  const days = options.days ?? 60;
  const random = mulberry32(42);
  await seedOrganisations(store);
  const first = addDays(until, -days);
  await ledger.topUp(DEMO_ORG, '8000', Date.parse(`${first}T07:00:00Z`));
  await ledger.topUp('org-gptbots', '2500', Date.parse(`${first}T07:00:00Z`));
  let n = 0;
  // Only with four weeks of history before it: an anomaly is a day unlike the 28 before.
  const spikeDay = days >= 35 ? anomalyDayOf(until) : undefined;
  for (let d = 0; d < days; d++) {
    const day = addDays(first, d);
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    const events: EventSubmission[] = [];
    for (const user of USERS) {
      const chats = weekend ? (random() < 0.3 ? 1 : 0) : 2 + Math.floor(random() * 5);
      for (let c = 0; c < chats; c++) {
        const chatId = `seed-${day}-${user.id}-${c}`;
        const turns = 1 + Math.floor(random() * 3);
        for (let t = 0; t < turns; t++) {
          const at = Date.parse(`${day}T08:00:00Z`) + Math.floor(random() * 10 * 3600) * 1000;
          const key = `seed-${++n}`;
          events.push({ who: { userId: user.id, orgId: DEMO_ORG, role: user.role }, idempotencyKey: key, body: { chatId, records: turn(random), at: new Date(at).toISOString() }, nowMs: at, eventId: key });
        }
      }
    }
    if (day === spikeDay) events.push(...imageBatch(day));
    // The rules run in order of time, as they would have live; a limit refuses some, as it would live.
    events.sort((a, b) => a.nowMs - b.nowMs);
    if (events.length) await ledger.commitEvents(DEMO_ORG, events);
  }
}
