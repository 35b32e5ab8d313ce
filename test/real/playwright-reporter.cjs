// A Playwright reporter that records the real-Gluster end-to-end run for the account `npm test`
// prints (test/real/account.cjs): passed, failed, skipped, and the reason a skip gives.
const fs = require('node:fs');
const path = require('node:path');
const { OUT, realSuite } = require('./suites.cjs');

class RealAccountReporter {
  constructor() {
    this.suites = new Map();
  }
  onTestEnd(test, result) {
    const label = realSuite(test.location.file);
    if (!label) return;
    const s = this.suites.get(label) ?? { label, passed: 0, failed: 0, skipped: 0, reasons: [] };
    if (result.status === 'passed') s.passed++;
    else if (result.status === 'skipped') {
      s.skipped++;
      const why = test.annotations.find((a) => a.type === 'skip')?.description ?? 'skipped';
      if (!s.reasons.includes(why)) s.reasons.push(why);
    } else s.failed++;
    this.suites.set(label, s);
  }
  onEnd() {
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(
      path.join(OUT, 'e2e-lab.json'),
      JSON.stringify([...this.suites.values()], null, 2),
    );
  }
  printsToStdio() {
    return false;
  }
}

module.exports = RealAccountReporter;
