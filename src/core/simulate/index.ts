// Simulating a month of usage: scenario schema, simulateMonth, recommendations, URL/JSON/CSV.
export {
  SCENARIO_VERSION,
  LIMITS as SCENARIO_LIMITS,
  RANGE_FIELDS,
  scenarioSchema,
  workloadSchema,
  emptyScenario,
  loadScenario,
  parseScenario,
  scenarioIssues,
  validateScenario,
  type Scenario,
  type Workload,
  type Period,
  type Range,
  type RangeField,
  type LoadedScenario,
} from './scenario.js';
export { daysOfUse, monthOf, MAX_WORKING_DAYS } from './period.js';
export { compareResults, type Comparison, type ComparedLine } from './compare.js';
export { simulateMonth, type SimulationResult, type WorkloadCost, type GroupCost, type BreakdownLine, type Band } from './simulate.js';
export { batchPrices, shapeOf, storageDays, type Shape, type PartRole } from './quantities.js';
export { serviceName } from '../catalog/names.js';
export { cheapestPackages, type PackagePlan } from './packages.js';
export {
  recommend,
  compareKeyModes,
  alternatives,
  balanceRunway,
  type Recommendations,
  type KeyModeOption,
  type Alternative,
  type Runway,
} from './recommend.js';
export {
  encodeScenario,
  decodeScenario,
  scenarioFromUrl,
  scenarioUrl,
  scenarioToJson,
  scenarioFromJson,
  SCENARIO_PARAM,
  type DecodedScenario,
} from './codec.js';
export { breakdownCsv, CSV_COLUMNS } from './csv.js';
