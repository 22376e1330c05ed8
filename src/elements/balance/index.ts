export * from './balance.js';
export * from './balance.events.js';
export { balanceState, type BalanceLevel, type BalanceState } from './balance-state.js';
import './balance.define.js';
