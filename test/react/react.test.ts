// creditkit/react: the wrappers render the custom elements, pass properties and deliver typed events.
import { expect, waitUntil } from '@open-wc/testing';
import type * as Entry from './entry.js';

const { React, ReactDOM, createRoot, ChatCost, PricingTable, parseCatalog } = (await import(
  // @ts-expect-error served by the test server's bundle plugin
  '/__bundles__/react.js'
)) as typeof Entry;

async function catalog(name: string) {
  return parseCatalog(await (await fetch(`/catalog/${name}.json`)).json());
}

function mount() {
  const host = document.createElement('div');
  host.lang = 'en';
  document.body.append(host);
  const root = createRoot(host);
  return { host, root, done: () => (root.unmount(), host.remove()) };
}

describe('creditkit/react', () => {
  it('renders <credit-chat-cost> from a usage prop, and onCostChange receives the exact 2.6533', async () => {
    const usage = [
      { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
      { service: 'meingpt/tool-call', requests: 2 },
    ];
    const costs: string[] = [];
    const { host, root, done } = mount();
    const props = { catalog: await catalog('meingpt'), usage, onCostChange: (e: { detail: { credits: string } }) => costs.push(e.detail.credits) };
    ReactDOM.flushSync(() => root.render(React.createElement(ChatCost, props as never)));
    const element = host.querySelector('credit-chat-cost')!;
    await waitUntil(() => element.shadowRoot?.textContent?.includes('2.65'), 'shows 2.65', { timeout: 5000 });
    await waitUntil(() => costs.length > 0, 'fires credit-cost-change');
    expect(costs.at(-1)).to.equal('2.6533');
    done();
  });

  it('renders <credit-pricing-table> with the catalog passed as a prop', async () => {
    const meingpt = await catalog('meingpt');
    const { host, root, done } = mount();
    ReactDOM.flushSync(() => root.render(React.createElement(PricingTable, { catalog: meingpt } as never)));
    const element = host.querySelector('credit-pricing-table') as HTMLElement & { catalog: unknown };
    expect(element.catalog).to.equal(meingpt);
    await waitUntil(() => element.shadowRoot?.textContent?.includes('GPT Image 1'), 'lists GPT Image 1', { timeout: 5000 });
    done();
  });

  it('delivers a plan card\'s call to action to onPackageSelect with the package, its credits and its price', async () => {
    const meingpt = await catalog('meingpt');
    const chosen: unknown[] = [];
    const { host, root, done } = mount();
    const props = { catalog: meingpt, onPackageSelect: (e: { detail: unknown }) => chosen.push(e.detail) };
    ReactDOM.flushSync(() => root.render(React.createElement(PricingTable, props as never)));
    const element = host.querySelector('credit-pricing-table')!;
    await waitUntil(() => element.shadowRoot?.querySelectorAll('[part="package-action"]').length, 'shows the plan cards', { timeout: 5000 });
    const professional = meingpt.packages!.find((p) => p.id === 'professional')!;
    const index = meingpt.packages!.indexOf(professional);
    (element.shadowRoot!.querySelectorAll('[part="package-action"]')[index] as HTMLElement).click();
    expect(chosen).to.deep.equal([{ packageId: 'professional', credits: professional.credits, price: professional.price }]);
    done();
  });
});
