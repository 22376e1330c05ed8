import { CreditCalculator } from './calculator.js';
import type { CreditScenarioChangeEvent } from './calculator.events.js';
import type { CreditErrorEvent } from '../common/events.js';

CreditCalculator.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-calculator': CreditCalculator;
  }
  interface GlobalEventHandlersEventMap {
    'credit-scenario-change': CreditScenarioChangeEvent;
    'credit-error': CreditErrorEvent;
  }
}
