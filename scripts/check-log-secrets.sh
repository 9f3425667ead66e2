#!/usr/bin/env bash
# After a test run: no demo password or authenticator key in the run's log file
# (target/test-logs/portal.log, written by the test profile). LogSecretsTest checks the
# secrets of its own journeys; this checks whatever every other test logged too.
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:-target/test-logs/portal.log}
secrets=src/test/resources/demo-secrets.txt
if [[ ! -s $log ]]; then
  echo "check-log-secrets: no log at $log (run the tests first)" >&2
  exit 1
fi
if grep -v '^#' "$secrets" | grep -v '^$' | grep -i -F -f - "$log"; then
  echo "check-log-secrets: FAILED, the lines above hold a demo password or key" >&2
  exit 1
fi
echo "check-log-secrets: $(wc -l < "$log") log lines, no demo password or key"
