import { CreditChatCost } from './chat-cost.js';
import type { CreditCostChangeEvent } from './chat-cost.events.js';
import type { CreditErrorEvent } from '../common/events.js';

CreditChatCost.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-chat-cost': CreditChatCost;
  }
  interface GlobalEventHandlersEventMap {
    'credit-cost-change': CreditCostChangeEvent;
    'credit-error': CreditErrorEvent;
  }
}
