export * from './pricing-table.js';
export * from './pricing-table.events.js';
import './pricing-table.define.js';
