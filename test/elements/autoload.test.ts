// The script-tag bundle's autoloader: tags on the page load first, tags added later load when
// they appear, the rest only after those and once the page is idle; a failed load is reported and
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
  it('loads the tags on the page at once, the others only when the page is idle after those', async () => {
    const div = stage();
    div.innerHTML = '<x-auto-a></x-auto-a><p><x-auto-c></x-auto-c></p>';
    const { calls, modules } = fakeModules(['x-auto-a', 'x-auto-b', 'x-auto-c']);
    let idle: (() => void) | undefined;
    autoloadElements({ modules, whenIdle: (run) => (idle = run) });
    expect(calls).to.deep.equal(['x-auto-a', 'x-auto-c']);
    await aTimeout(0);
    expect(idle, 'idle is awaited only after the page’s own tags loaded').to.be.a('function');
    expect(calls).to.deep.equal(['x-auto-a', 'x-auto-c']);
    idle!();
    expect(calls).to.deep.equal(['x-auto-a', 'x-auto-c', 'x-auto-b'], 'each module once');
    div.remove();
  });

  it('loads a tag when it is added to the page later, nested or not', async () => {
    const div = stage();
    const { calls, modules } = fakeModules(['x-late-a', 'x-late-b']);
    autoloadElements({ modules, whenIdle: () => {} });
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
      const loader = autoloadElements({ modules, whenIdle: () => {} });
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
    await autoloadElements({ modules, whenIdle: () => {} }).load('x-unknown').catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('creditkit has no element <x-unknown> (it has <x-known-a>, <x-known-b>)');
  });

  it('knows every creditkit element, and its module defines the tag', async () => {
    expect(Object.keys(ELEMENT_MODULES).sort()).to.deep.equal(['credit-balance', 'credit-calculator', 'credit-chat-cost', 'credit-pricing-table', 'credit-usage']);
    expect(customElements.get('credit-balance')).to.equal(undefined);
    await autoloadElements({ whenIdle: () => {} }).load('credit-balance');
    expect(customElements.get('credit-balance')).to.be.a('function');
  });
});
