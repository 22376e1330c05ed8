// The table on a page with `script-src 'self'; style-src 'self'` and Trusted Types required, beside
// another copy of lit (csp-page.html in an iframe; the page proves the policy is enforced).
import { expect } from '@open-wc/testing';

interface CspReport {
  rows: number;
  styled: string;
  whileRendering: string[];
  trustedTypesEnforced: boolean;
  inlineStyleBlocked: boolean;
  inlineScriptRan: boolean;
  otherLit: string;
}

describe('<credit-pricing-table>: strict CSP and Trusted Types', () => {
  it('renders all rows with no violation while the policy blocks inline script, inline style and raw HTML', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '600px';
    const report = new Promise<CspReport>((resolve) => {
      window.addEventListener('message', function listen(e: MessageEvent) {
        if (e.source === frame.contentWindow && e.data?.csp) {
          window.removeEventListener('message', listen);
          resolve(e.data as CspReport);
        }
      });
    });
    frame.src = new URL('./csp-page.html', import.meta.url).href;
    document.body.append(frame);
    try {
      const r = await report;
      // the policy is in force ...
      expect(r.inlineScriptRan, 'inline script ran').to.equal(false);
      expect(r.trustedTypesEnforced, 'innerHTML with a string was allowed').to.equal(true);
      expect(r.inlineStyleBlocked, 'an inline <style> applied').to.equal(true);
      // ... and the table works under it, styled, beside the other lit copy
      expect(r.rows).to.equal(118);
      expect(r.styled).to.equal('600');
      expect(r.whileRendering).to.deep.equal([]);
      expect(r.otherLit).to.equal('other lit copy');
    } finally {
      frame.remove();
    }
  });
});
