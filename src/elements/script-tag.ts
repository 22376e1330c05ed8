// dist/creditkit.js, the script-tag bundle: defines each creditkit element when the page first
// uses its tag (autoload.ts). `loadElement(tag)` resolves once a tag is defined, for a page script
// that wants to wait for one, or adds one inside a shadow root; `observeElements(shadowRoot)`
// finds the tags inside a shadow root the way the document's are found.
import { autoloadElements } from './autoload.js';

export const { load: loadElement, observe: observeElements } = autoloadElements();

// The element and event classes as types (tag and event maps included): the bundle defines the
// elements but exports no class, since each loads on demand.
export type * from './index.js';
// One client and one catalog for every element inside a container (`provideCredit(el, { client })`).
export { provideCredit } from './common/context.js';
