#!/usr/bin/env bash
# Issue 14's table in one run: the portal's sign-in benchmark (-Pbench) and the Keycloak peer
# (shared/peers/keycloak, realm bench-otp: password + TOTP) back to back on this machine, at equal
# Argon2id cost (m=7168 KiB, t=5, p=1: Keycloak's default), then one table of both (README, "Benchmarks").
#
#   KC_PEER_DIR=/some/scratch KC_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/bench-vs-keycloak.sh
#
# Env knobs: LEVELS ("4 8"), SECONDS_WINDOW (15, the portal's window per concurrency), KC_WARMUP (20),
#            KC_DURATION (30), KC_PREWARM (240: Keycloak's JIT warm-up before its first level),
#            KC_PEER_SCRIPTS (the peer's folder; default ../shared/peers/keycloak beside this checkout,
#            else /work/shared/peers/keycloak), KC_RESULTS (skip the Keycloak run: its results folder
#            from an earlier run), PORTAL_RESULTS (skip the portal run: its results.txt),
#            PORTAL_ARGS (more -Dbench.… options for the portal's benchmark, e.g. -Dbench.kindRequests=400).
# Keycloak gets the same C2 inline hint for Bouncy Castle's Argon2 as in the issue's table; the portal
# needs none (it uses a native Argon2id, or gives HotSpot the hint itself: account.Argon2Inlining).
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
LEVELS=${LEVELS:-"4 8"}
SECONDS_WINDOW=${SECONDS_WINDOW:-15}
PEER=${KC_PEER_SCRIPTS:-}
if [[ -z $PEER ]]; then
  for candidate in "$HERE/../shared/peers/keycloak" /work/shared/peers/keycloak; do
    [[ -x $candidate/run-bench.sh ]] && { PEER=$(cd "$candidate" && pwd); break; }
  done
fi
[[ -n $PEER && -x $PEER/run-bench.sh ]] || { echo "the Keycloak peer is not found: set KC_PEER_SCRIPTS" >&2; exit 1; }
: "${KC_PEER_DIR:?set KC_PEER_DIR to a scratch folder for Keycloak}"
: "${KC_JAVA_HOME:?set KC_JAVA_HOME to a JDK 21+ for Keycloak}"

# 1. the portal: sign-ins at each level, raw hash rate, every Argon2id implementation, CPU per request kind
if [[ -z ${PORTAL_RESULTS:-} ]]; then
  echo "== portal sign-in benchmark (levels $LEVELS, ${SECONDS_WINDOW} s each)"
  (cd "$HERE" && ./mvnw -B -ntp -q -Pbench test-compile exec:exec -Dbench.hashes=7168:5:1 \
      -Dbench.concurrency="$(echo $LEVELS | tr ' ' ',')" -Dbench.seconds="$SECONDS_WINDOW" ${PORTAL_ARGS:-})
  PORTAL_RESULTS=$(ls -td "$HERE"/target/bench/*/ | head -1)results.txt
fi
[[ -f $PORTAL_RESULTS ]] || { echo "no portal results at $PORTAL_RESULTS" >&2; exit 1; }

# 2. Keycloak: fresh start, password + TOTP realm only, the same levels
if [[ -z ${KC_RESULTS:-} ]]; then
  echo "== Keycloak peer (realm bench-otp, levels $LEVELS)"
  LEVELS="$LEVELS" REALMS=bench-otp WARMUP=${KC_WARMUP:-20} DURATION=${KC_DURATION:-30} \
    PREWARM_FIRST=${KC_PREWARM:-240} QUIET_MAX_WAIT=${QUIET_MAX_WAIT:-900} RETRIES=${RETRIES:-3} \
    JAVA_OPTS_APPEND="-XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*" \
    "$PEER/run-bench.sh"
  KC_RESULTS=$(ls -td "$KC_PEER_DIR"/results/*/ | head -1)
fi

# 3. one table
kc_field() { # file key
  grep '^RESULT' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'
}
portal_row() { # concurrency -> "rate server_ms"
  awk -v c="$1" '$1 == c && NF >= 12 && $2 ~ /^[0-9.]+$/ {print $2, $6; exit}' "$PORTAL_RESULTS"
}
portal_raw=$(grep -m1 -o 'raw hash: [0-9.]*' "$PORTAL_RESULTS" | awk '{print $3}')
kc_raw=$(grep '^HASHRESULT threads=2' "$KC_RESULTS/hashrate.txt" | tr ' ' '\n' | awk -F= '$1 == "rate" {print $2}')
{
  echo
  echo "Sign-in, password + TOTP, Argon2id m=7168 KiB t=5 p=1, $(nproc) cores, $(date -Iseconds)"
  echo
  echo "| | sign-ins/s $(echo $LEVELS | sed 's/\([0-9]*\)/c=\1/g; s/ / \/ /g') | CPU ms per sign-in | raw hash /s (2 threads) |"
  echo "|---|---|---|---|"
  kc_rates=(); kc_cpu=(); p_rates=(); p_cpu=()
  for c in $LEVELS; do
    f=$KC_RESULTS/bench-otp-c$c.txt
    kc_rates+=("$(kc_field "$f" rate)"); kc_cpu+=("$(kc_field "$f" srv_cpu_ms_per_login)")
    read -r rate ms < <(portal_row "$c")
    p_rates+=("$rate"); p_cpu+=("$ms")
  done
  join() { local IFS=/; echo "$*" | sed 's/\// \/ /g'; }
  echo "| Keycloak 26.7.3, production mode, C2 inline hint | $(join "${kc_rates[@]}") | $(join "${kc_cpu[@]}") | ${kc_raw:-?} |"
  echo "| Kenpo Portal, -Pbench | $(join "${p_rates[@]}") | $(join "${p_cpu[@]}") (JVM + PostgreSQL) | ${portal_raw:-?} |"
  echo
  i=0
  for c in $LEVELS; do
    echo "c=$c: portal ÷ Keycloak = $(echo "scale=2; ${p_rates[$i]} / ${kc_rates[$i]}" | bc) (target 1.6);" \
      "portal ÷ its raw hash rate = $(echo "scale=0; 100 * ${p_rates[$i]} / $portal_raw" | bc) % (target 85 %)"
    i=$((i + 1))
  done
  echo
  echo "portal: $PORTAL_RESULTS"
  echo "Keycloak: $KC_RESULTS"
} | tee "$(dirname "$PORTAL_RESULTS")/vs-keycloak.md"
