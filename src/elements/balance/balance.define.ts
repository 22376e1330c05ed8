import { CreditBalance } from './balance.js';
import type { CreditBalanceStateEvent, CreditTopUpEvent } from './balance.events.js';
import type { CreditErrorEvent } from '../common/events.js';

CreditBalance.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-balance': CreditBalance;
  }
  interface GlobalEventHandlersEventMap {
    'credit-balance-state': CreditBalanceStateEvent;
    'credit-top-up': CreditTopUpEvent;
    'credit-error': CreditErrorEvent;
  }
}
