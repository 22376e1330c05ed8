// Row mappings both engines share: their columns have the same names (snake_case).
import type { LedgerEntry } from './types.js';

export interface LedgerRecord {
  org_id: string;
  seq: number;
  kind: LedgerEntry['kind'];
  credits: string;
  at: string;
  event_id: string | null;
  balance_after: string;
  reference_after: string;
  department_id: string | null;
  grants: string;
  detail: string | null;
}

export const LEDGER_COLUMNS = 'org_id, seq, kind, credits, at, event_id, balance_after, reference_after, department_id, grants, detail';

export const toEntry = (r: LedgerRecord): LedgerEntry => ({
  orgId: r.org_id,
  seq: r.seq,
  kind: r.kind,
  credits: r.credits,
  at: r.at,
  eventId: r.event_id,
  balanceAfter: r.balance_after,
  referenceAfter: r.reference_after,
  departmentId: r.department_id,
  grants: r.grants,
  detail: r.detail,
});
