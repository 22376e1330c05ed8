// Events of <credit-calculator>.
import type { Scenario } from '../../core/index.js';
import { CreditEvent } from '../common/index.js';

export interface ScenarioChangeDetail {
  scenario: Scenario;
  /** Exact credits of the month. */
  credits: string;
  money: { amount: string; currency: string };
}

/** A valid scenario was priced (after every change that leaves the form valid). */
export class CreditScenarioChangeEvent extends CreditEvent<ScenarioChangeDetail> {
  constructor(detail: ScenarioChangeDetail) {
    super('credit-scenario-change', detail);
  }
}
