// Accessibility check for every element test: axe-core at WCAG 2.2 AA. Fails with each violation
// listed (rule, impact, help, the offending nodes) so the message says what to fix.
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeApi {
  run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
}

let axePromise: Promise<AxeApi> | undefined;
function loadAxe(): Promise<AxeApi> {
  axePromise ??= (async () => {
    const w = globalThis as unknown as { axe?: AxeApi };
    // @ts-expect-error the browser build of axe has no types of its own; it registers window.axe
    if (!w.axe) await import('axe-core/axe.min.js');
    if (!w.axe) throw new Error('axe-core did not load');
    return w.axe;
  })();
  return axePromise;
}

export function formatViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`).join('\n');
      return `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe on `context` (an element, including its shadow DOM, or the document) and throws when
 * there is any violation. `disable` turns rules off by id, each with a reason in the test.
 */
export async function expectAccessible(context: ElementContext = document, options: { disable?: string[] } = {}): Promise<void> {
  const axe = await loadAxe();
  const rules = Object.fromEntries((options.disable ?? []).map((id) => [id, { enabled: false }]));
  const results = await axe.run(context, { runOnly: { type: 'tag', values: WCAG_22_AA }, rules, resultTypes: ['violations'] });
  if (results.violations.length) {
    throw new Error(`${results.violations.length} accessibility violation(s) at WCAG 2.2 AA:\n${formatViolations(results.violations)}`);
  }
}
