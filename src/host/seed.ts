// Deterministic demo data: an organisation on the meinGPT catalog with departments, users,
// limits and budgets, top-ups, and 60 days of usage (mulberry32, so every seed is the same),
// recorded through the same code path as live events. A second, small organisation uses the
// GPTBots catalog: each organisation has one catalog.
import type { UsageEventRequest } from '../sdk/contract/index.js';

type Usage = UsageEventRequest['records'][number];
import type { Db } from './db.js';
import { HostError } from './problems.js';
import type { Store } from './store.js';
import { addDays } from './periods.js';

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

/** Creates the organisations and users (no usage): enough for tests that start from zero. */
export function seedOrganisations(db: Db): void {
  const org = db.prepare('INSERT INTO orgs VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  org.run(DEMO_ORG, 'Nordlicht GmbH', 'meingpt', JSON.stringify(['20', '10', '0']), 1, '1000', '5000', '10000');
  org.run('org-gptbots', 'Harbour Bots Ltd', 'gptbots', JSON.stringify(['20', '10', '0']), 0, '0', '0', null);
  const dept = db.prepare('INSERT INTO departments VALUES (?, ?, ?, ?, ?)');
  for (const d of DEPARTMENTS) dept.run(d.id, DEMO_ORG, d.name, d.budget, d.protection);
  const user = db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const u of USERS) user.run(u.id, DEMO_ORG, u.dept, u.name, u.role, u.daily, u.monthly);
  user.run('u-gina', 'org-gptbots', null, 'Gina Harper', 'admin', null, null);
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

/** Seeds organisations, top-ups and `days` days of usage before `until`, in one transaction. */
export function seedDemo(db: Db, store: Store, options: SeedOptions = {}): void {
  const until = options.until ?? new Date(store.now()).toISOString().slice(0, 10);
  const days = options.days ?? 60;
  const random = mulberry32(42);
  db.transaction(() => {
    seedOrganisations(db);
    const first = addDays(until, -days);
    store.topUp(DEMO_ORG, '8000', Date.parse(`${first}T07:00:00Z`));
    store.topUp('org-gptbots', '2500', Date.parse(`${first}T07:00:00Z`));
    let n = 0;
    for (let d = 0; d < days; d++) {
      const day = addDays(first, d);
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      for (const user of USERS) {
        const chats = weekend ? (random() < 0.3 ? 1 : 0) : 2 + Math.floor(random() * 5);
        for (let c = 0; c < chats; c++) {
          const chatId = `seed-${day}-${user.id}-${c}`;
          const turns = 1 + Math.floor(random() * 3);
          for (let t = 0; t < turns; t++) {
            const at = Date.parse(`${day}T08:00:00Z`) + Math.floor(random() * 10 * 3600) * 1000;
            const body = { chatId, records: turn(random), at: new Date(at).toISOString() };
            const key = `seed-${++n}`;
            try {
              store.recordEvent({ userId: user.id, orgId: DEMO_ORG, role: user.role }, key, body, undefined, at, key);
            } catch (error) {
              if (!(error instanceof HostError)) throw error; // a limit refused it, as it would live
            }
          }
        }
      }
    }
  })();
}
