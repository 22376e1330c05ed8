export * from './chat-cost.js';
export * from './chat-cost.events.js';
export { breakdownOf, type Breakdown, type BreakdownLine } from './breakdown.js';
import './chat-cost.define.js';
