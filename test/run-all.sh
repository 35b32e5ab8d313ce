#!/usr/bin/env bash
# The README's test command (`npm test`): every check in order, stopping at the first failure,
# and always ending with one line on what ran against real Gluster and real OpenSSH.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .test-account
finish() {
  local rc=$?
  node test/real/account.cjs || { [ "$rc" != 0 ] || rc=1; }
  exit "$rc"
}
trap finish EXIT
npm run typecheck
npm run lint
npm run test:unit
npm run build
npm run test:rpm
npm run test:e2e
npm run test:e2e:lab
