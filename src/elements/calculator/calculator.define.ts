import { CreditCalculator, type CreditScenarioChangeEvent } from './calculator.js';
import type { CreditErrorEvent } from '../common/index.js';

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
