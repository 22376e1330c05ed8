// `creditkit/elements`: defines every creditkit element, and exports their classes and events
// (for `instanceof`, typed listeners and subclassing).
export * from './chat-cost/index.js';
export * from './balance/index.js';
export * from './usage/index.js';
export * from './pricing-table/index.js';
export * from './calculator/index.js';
export * from './statement/index.js';
export { CreditEvent, CreditErrorEvent } from './common/events.js';

// One client and one catalog for every element inside a container.
export { provideCredit, type CreditContextValues, type CreditContextHandle } from './common/context.js';
