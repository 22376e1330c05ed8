export * from './chat-cost.js';
export { breakdownOf, type Breakdown, type BreakdownLine } from './breakdown.js';
import './chat-cost.define.js';
