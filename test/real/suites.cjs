// The test suites that run against real components (real GlusterFS, real OpenSSH), one place for
// the jest and Playwright reporters and for the account `npm test` prints at its end.
// A suite not listed here but matching `test/contract/*real*.test.ts` or `test/e2e-lab/*.spec.ts`
// is counted too, under its file name, so a new real suite cannot go unaccounted.
const path = require('node:path');

const KNOWN = {
  'test/contract/real.test.ts': 'Gluster contract (real Gluster)',
  'test/contract/directory-real.test.ts': 'directory target (real Gluster)',
  'test/contract/ssh-real.test.ts': 'SSH flows (real OpenSSH)',
  'test/contract/nonroot-real.test.ts': 'non-root session, mountbroker (real Gluster)',
  'test/contract/metavolume-real.test.ts': 'use-meta-volume, shared storage (real Gluster)',
  'test/e2e-lab/real-gluster.spec.ts': 'end-to-end in Chromium (real Gluster)',
};

const ROOT = path.resolve(__dirname, '..', '..');
// not under test-results/: Playwright empties that folder at the start of every run
const OUT = path.join(ROOT, '.test-account');

/** The label of a real suite, or null when the file is not one. */
function realSuite(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (KNOWN[rel]) return KNOWN[rel];
  if (
    /^test\/contract\/.*real.*\.test\.ts$/.test(rel) ||
    /^test\/e2e-lab\/.*\.spec\.ts$/.test(rel)
  ) {
    return rel;
  }
  return null;
}

module.exports = { KNOWN, OUT, realSuite };
