// Events of <credit-chat-cost>.
import { CreditEvent } from '../common/events.js';

export interface ChatCostDetail {
  /** Exact billed credits. */
  credits: string;
  /** Credits as shown. */
  total: string;
  money: { amount: string; currency: string };
}

/** The billed cost changed (a new usage, or the chat's charge loaded). */
export class CreditCostChangeEvent extends CreditEvent<ChatCostDetail> {
  constructor(detail: ChatCostDetail) {
    super('credit-cost-change', detail);
  }
}
