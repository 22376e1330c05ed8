// dist/creditkit.js, the script-tag bundle: defines every creditkit element, each loaded when the
// page first uses its tag (autoload.ts). `loadElement(tag)` resolves once a tag is defined, for a
// page script that wants to wait for one before it talks to it.
import { autoloadElements } from './autoload.js';

export const { load: loadElement } = autoloadElements();

// The element and event classes as types (tag and event maps included): the bundle defines the
// elements but exports no class, since each loads on demand.
export type * from './index.js';
// One client and one catalog for every element inside a container (`provideCredit(el, { client })`).
export { provideCredit } from './common/context.js';
