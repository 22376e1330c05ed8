// Runs inside csp-page.html (strict CSP + Trusted Types, another lit copy loaded first): waits for
// the table, probes that the policy is really enforced, and reports to the test in the parent.
import '../../../src/elements/pricing-table/index.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));

async function report() {
  const table = document.querySelector('credit-pricing-table')!;
  for (let i = 0; i < 600 && table.shadowRoot?.querySelectorAll('tbody tr').length !== 118; i++) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  const rows = table.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
  const styled = getComputedStyle(table.shadowRoot!.querySelector('caption .group-name')!).fontWeight; // adopted stylesheet applied
  const whileRendering = [...violations];
  // Probes: each must be blocked if the policy is enforced.
  let trustedTypesEnforced = false;
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
  } catch {
    trustedTypesEnforced = true;
  }
  const style = document.createElement('style');
  style.textContent = 'body { color: rgb(1, 2, 3); }';
  document.head.append(style);
  await new Promise((r) => requestAnimationFrame(r));
  const inlineStyleBlocked = getComputedStyle(document.body).color !== 'rgb(1, 2, 3)';
  const otherLit = document.querySelector('other-lit-element')?.shadowRoot?.textContent ?? '';
  parent.postMessage(
    {
      csp: true,
      rows,
      styled,
      whileRendering,
      trustedTypesEnforced,
      inlineStyleBlocked,
      inlineScriptRan: (window as { inlineScriptRan?: boolean }).inlineScriptRan === true,
      otherLit,
    },
    '*',
  );
}
void report();
