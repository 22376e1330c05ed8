// The script-tag bundle's autoloader: tags on the page load at once, tags added later load when
// they appear (in a shadow root too, when asked to observe it), no other tag ever; a failed load is reported and
// retried; the real element modules define their tags.
import { expect, aTimeout } from '@open-wc/testing';
import { autoloadElements, ELEMENT_MODULES } from '../../src/elements/autoload.js';

function fakeModules(tags: string[], fail: Set<string> = new Set()) {
  const calls: string[] = [];
  const modules = Object.fromEntries(
    tags.map((tag) => [
      tag,
      async () => {
        calls.push(tag);
        if (fail.has(tag)) throw new Error(`network down for ${tag}`);
      },
    ]),
  );
  return { calls, modules };
}

const stage = () => {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
};

describe('autoloadElements', () => {
  it('loads only the tags on the page, and never the others, not even once the page is idle', async () => {
    const div = stage();
    div.innerHTML = '<x-auto-a></x-auto-a><p><x-auto-c></x-auto-c></p>';
    const { calls, modules } = fakeModules(['x-auto-a', 'x-auto-b', 'x-auto-c']);
    autoloadElements({ modules });
    expect(calls).to.deep.equal(['x-auto-a', 'x-auto-c']);
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    await aTimeout(50);
    expect(calls).to.deep.equal(['x-auto-a', 'x-auto-c'], 'x-auto-b is not on the page');
    div.remove();
  });

  it('finds the tags inside a shadow root it is asked to observe, now and as they are added', async () => {
    const div = stage();
    const shadow = div.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<x-shadow-a></x-shadow-a>';
    const { calls, modules } = fakeModules(['x-shadow-a', 'x-shadow-b']);
    const loader = autoloadElements({ modules });
    await aTimeout(0);
    expect(calls, 'a document observer does not see into a shadow root').to.deep.equal([]);
    const stop = loader.observe(shadow);
    expect(calls).to.deep.equal(['x-shadow-a']);
    shadow.append(document.createElement('x-shadow-b'));
    await aTimeout(0);
    expect(calls).to.deep.equal(['x-shadow-a', 'x-shadow-b']);
    stop();
    div.remove();
  });

  it('loads a tag when it is added to the page later, nested or not', async () => {
    const div = stage();
    const { calls, modules } = fakeModules(['x-late-a', 'x-late-b']);
    autoloadElements({ modules });
    expect(calls).to.deep.equal([]);
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div><x-late-b></x-late-b></div>';
    div.append(wrapper);
    await aTimeout(0);
    expect(calls).to.deep.equal(['x-late-b']);
    div.append(document.createElement('x-late-b'), document.createElement('x-late-a'));
    await aTimeout(0);
    expect(calls).to.deep.equal(['x-late-b', 'x-late-a']);
    div.remove();
  });

  it('reports a failed load with the tag, rejects load(), and retries when asked again', async () => {
    const div = stage();
    div.innerHTML = '<x-fail-a></x-fail-a>';
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const { calls, modules } = fakeModules(['x-fail-a'], new Set(['x-fail-a']));
      const loader = autoloadElements({ modules });
      await aTimeout(0);
      expect(errors.length).to.equal(1);
      expect(String(errors[0]![0])).to.contain('<x-fail-a>');
      let error: unknown;
      await loader.load('x-fail-a').catch((e: unknown) => (error = e));
      expect((error as Error).message).to.equal('network down for x-fail-a');
      expect(calls).to.deep.equal(['x-fail-a', 'x-fail-a'], 'a failed load is not cached');
    } finally {
      console.error = original;
      div.remove();
    }
  });

  it('names the tags it has when asked for one it does not', async () => {
    const { modules } = fakeModules(['x-known-a', 'x-known-b']);
    let error: unknown;
    await autoloadElements({ modules }).load('x-unknown').catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('creditkit has no element <x-unknown> (it has <x-known-a>, <x-known-b>)');
  });

  it('knows every creditkit element, and its module defines the tag', async () => {
    expect(Object.keys(ELEMENT_MODULES).sort()).to.deep.equal(['credit-balance', 'credit-calculator', 'credit-chat-cost', 'credit-pricing-table', 'credit-statement', 'credit-usage']);
    expect(customElements.get('credit-balance')).to.equal(undefined);
    await autoloadElements().load('credit-balance');
    expect(customElements.get('credit-balance')).to.be.a('function');
  });
});
