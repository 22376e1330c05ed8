export * from './statement.js';
export * from './statement.events.js';
import './statement.define.js';
