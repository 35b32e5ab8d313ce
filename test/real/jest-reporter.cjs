// A jest reporter that records, for each real-component suite (test/real/suites.cjs), how many
// tests passed, failed and were skipped, with the skip reasons (the skipped tests' titles say why).
const fs = require('node:fs');
const path = require('node:path');
const { OUT, realSuite } = require('./suites.cjs');

class RealAccountReporter {
  onRunComplete(_contexts, results) {
    const suites = [];
    for (const file of results.testResults) {
      const label = realSuite(file.testFilePath);
      if (!label) continue;
      const count = { passed: 0, failed: 0, skipped: 0 };
      const reasons = new Set();
      for (const t of file.testResults) {
        if (t.status === 'passed') count.passed++;
        else if (t.status === 'failed') count.failed++;
        else {
          count.skipped++;
          reasons.add(t.title);
        }
      }
      // a suite that failed to load (syntax, beforeAll) has no test results but a failure message
      if (file.testExecError || (file.failureMessage && count.failed === 0 && count.passed === 0))
        count.failed++;
      suites.push({ label, ...count, reasons: [...reasons] });
    }
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'jest.json'), JSON.stringify(suites, null, 2));
  }
}

module.exports = RealAccountReporter;
