// Size budgets, checked in CI: the gzipped JavaScript a page downloads, bundled and minified the
// way an app bundler would. Fails (exit 1) when a budget is exceeded.
//   pricing table alone (initial chunks only, nothing lazy)   ≤ 30 KB (the target)
//   every element, all chunks but the tokenizer's rank tables ≤ 96 KB: a regression guard at
//     today's size. The target is 80 KB and is not met (decimal.js, zod/mini and lit alone
//     are ~27 KB; the calculator with its simulation core and en/de strings ~20 KB); the gap is
//     printed on every run until the bundle is brought down to it.
import { measureBundle } from './bundle-size.mjs';

const KB = 1024;
const BUDGETS = [
  { name: 'pricing table alone (first paint)', entries: ['src/elements/pricing-table/index.ts'], limit: 30 * KB, measure: 'initial' },
  { name: 'every element, as dist/creditkit.js loads them (all chunks but the rank tables)', entries: ['src/elements/index.ts'], limit: 96 * KB, target: 80 * KB, measure: 'allButRanks' },
];

let failed = false;
for (const budget of BUDGETS) {
  let size;
  try {
    size = await measureBundle(budget.entries);
  } catch (error) {
    console.error(`size: ${budget.name}: cannot bundle (${error.message.split('\n')[0]})`);
    failed = true;
    continue;
  }
  const gz = size[budget.measure];
  const rankInInitial = budget.measure === 'initial' && size.rankInInitial;
  const ok = gz <= budget.limit && !rankInInitial;
  failed ||= !ok;
  const chunks = budget.measure === 'initial' ? size.initialChunks : size.chunks;
  const target = budget.target && gz > budget.target ? `; ${((gz - budget.target) / KB).toFixed(1)} KB over the ${budget.target / KB} KB target` : '';
  console.log(`${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${(gz / KB).toFixed(1)} KB gzipped (budget ${budget.limit / KB} KB${target}; ${chunks} chunks${budget.measure === 'initial' ? ' at first paint' : ' in the bundle'})${rankInInitial ? ' — a rank table is in the initial chunks!' : ''}`);
}
process.exit(failed ? 1 : 0);
