// A node:test reporter that emits { passed, failed, skipped } as JSON when the run ends.
export default async function* countingReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    // Suites report too; count only leaf tests (nesting > 0 may be a subtest; details.type says suite).
    if (event.type === 'test:pass') {
      if (event.data.details?.type === 'suite') continue;
      if (event.data.skip || event.data.todo) totals.skipped++;
      else totals.passed++;
    } else if (event.type === 'test:fail') {
      if (event.data.details?.type === 'suite' && event.data.details?.error?.failureType === 'subtestsFailed') continue;
      totals.failed++;
    }
  }
  yield JSON.stringify(totals);
}
