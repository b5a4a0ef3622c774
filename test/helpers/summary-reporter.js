'use strict';
/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after Jest's own summary, so
 * that tools reading the last lines of a run (CI) see the counts in a runner-neutral form.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryReporter;
