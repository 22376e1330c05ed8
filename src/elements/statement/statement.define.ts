import { CreditStatement } from './statement.js';
import type { CreditStatementChangeEvent, CreditStatementDownloadEvent } from './statement.events.js';
import type { CreditErrorEvent } from '../common/events.js';

CreditStatement.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-statement': CreditStatement;
  }
  interface GlobalEventHandlersEventMap {
    'credit-statement-change': CreditStatementChangeEvent;
    'credit-statement-download': CreditStatementDownloadEvent;
    'credit-error': CreditErrorEvent;
  }
}
