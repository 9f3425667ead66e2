#!/usr/bin/env bash
# Memory and start (README, "Memory and start"; issue 14): starts the built jar twice on a fresh data
# folder, exactly as documented (SPRING_PROFILES_ACTIVE=demo java -jar, no JVM flag), and prints for the
# first start and for the restart: seconds to the first 200 of GET /login on sakura.localhost, Spring's
# "Started … in", the JVM's CPU seconds until then, and its resident memory (VmRSS) IDLE seconds later.
#
#   ./mvnw -q -DskipTests package && scripts/memory-and-start.sh
#
# Environment: JAR (default target/kenpo-portal-*.jar), PORT (18190; the management port is PORT+1),
# IDLE (30), JAVA_FLAGS (extra flags for both starts, e.g. -Dportal.jvm-options=applied to measure the
# JVM's defaults), NMT=1 (also print the JVM's native memory summary when idle), KEEP=1 (keep the data).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-$(ls target/kenpo-portal-*.jar | head -1)}
PORT=${PORT:-18190}
IDLE=${IDLE:-30}
DATA=$(mktemp -d -t portal-start-XXXXXX)
flags=(${JAVA_FLAGS:-})
[ "${NMT:-0}" = 1 ] && flags+=(-XX:NativeMemoryTracking=summary)
ticks=$(getconf CLK_TCK)

one() {
  local label=$1 log=$DATA/$1.log t0 pid code t1 cpu
  t0=$(date +%s.%N)
  SPRING_PROFILES_ACTIVE=demo PORT=$PORT MANAGEMENT_PORT=$((PORT + 1)) PORTAL_DATA_DIR=$DATA/data \
    java "${flags[@]}" -jar "$JAR" >"$log" 2>&1 &
  pid=$!
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: sakura.localhost' "http://127.0.0.1:$PORT/login" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$label: the portal stopped; log in $log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  cpu=$(awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat")
  printf '%-8s first 200 after %.1f s (JVM CPU %s s); %s\n' "$label" "$(echo "$t1 - $t0" | bc)" "$cpu" \
    "$(grep -o 'Started KenpoPortalApplication in [0-9.]* seconds' "$log" || echo 'no Started line')"
  sleep "$IDLE"
  printf '%-8s resident memory %s s after: %s MiB (peak %s MiB); load average %s\n' "$label" "$IDLE" \
    $(awk '/VmRSS|VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status" | tac) "$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "${NMT:-0}" = 1 ]; then
    jcmd "$pid" VM.native_memory summary | grep -E '^(Total|-)' | sed 's/^/         /'
  fi
  kill "$pid"
  wait "$pid" || true
}

echo "jar $JAR, flags: ${flags[*]:-(none)}; data in $DATA"
one first
one restart
[ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
