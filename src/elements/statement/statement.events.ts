// Events of <credit-statement>.
import type { Statement } from '../../sdk/contract/statements.js';
import { CreditEvent } from '../common/events.js';

/** A statement loaded and is shown (the first one, or the period the reader picked). */
export class CreditStatementChangeEvent extends CreditEvent<{ period: string; statement: Statement }> {
  constructor(statement: Statement) {
    super('credit-statement-change', { period: statement.period, statement });
  }
}

export interface StatementDownloadDetail {
  period: string;
  format: 'csv' | 'pdf';
  language: 'en' | 'de';
  /** The file name the host gave it. */
  filename: string;
}

/** A statement file was downloaded (CSV or PDF, English or German). */
export class CreditStatementDownloadEvent extends CreditEvent<StatementDownloadDetail> {
  constructor(detail: StatementDownloadDetail) {
    super('credit-statement-download', detail);
  }
}
