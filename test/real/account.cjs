// Prints, at the end of `npm test`, one line saying what ran against real Gluster and real
// OpenSSH and what was skipped (with the reason), from what the jest and Playwright reporters
// recorded (test/real/*-reporter.cjs). With GEOREP_REQUIRE_REAL=1 (as .ci/run sets it once the
// real lab is up) a real suite that was skipped, or did not run at all, fails the run.
const fs = require('node:fs');
const path = require('node:path');
const { KNOWN, OUT } = require('./suites.cjs');

function read(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(OUT, name), 'utf8'));
  } catch {
    return null;
  }
}

const recorded = [...(read('jest.json') ?? []), ...(read('e2e-lab.json') ?? [])];
const byLabel = new Map(recorded.map((s) => [s.label, s]));
for (const label of Object.values(KNOWN)) if (!byLabel.has(label)) byLabel.set(label, null);

const ran = [];
const skipped = [];
const notRun = [];
for (const [label, s] of byLabel) {
  if (!s) notRun.push(label);
  else {
    const total = s.passed + s.failed + s.skipped;
    if (s.passed + s.failed > 0)
      ran.push(`${label} ${s.passed}/${total} passed${s.failed ? `, ${s.failed} FAILED` : ''}`);
    if (s.skipped > 0) skipped.push(`${label}: ${s.skipped} (${s.reasons.join('; ')})`);
  }
}

const parts = [`ran: ${ran.length ? ran.join(', ') : 'none'}`];
parts.push(`skipped: ${skipped.length ? skipped.join(' | ') : 'none'}`);
if (notRun.length) parts.push(`not run: ${notRun.join(', ')}`);
console.log(`\n== real components — ${parts.join(' — ')}`);

if (process.env.GEOREP_REQUIRE_REAL === '1' && (skipped.length || notRun.length)) {
  console.log('== GEOREP_REQUIRE_REAL=1: every real suite must run, and some did not');
  process.exit(1);
}
