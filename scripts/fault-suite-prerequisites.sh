#!/usr/bin/env bash
# What the fault suite and the load benchmark (README, "Fault suite", "Benchmarks") need outside
# Maven: Debian's haproxy and postgresql (its binaries; the suite runs a cluster of its own, so
# Debian's own is stopped), and faketime (libfaketime: one node's clock moved, fault 5).
set -euo pipefail
missing=()
command -v haproxy >/dev/null || missing+=(haproxy)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[[ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ]] || missing+=(faketime)
if ((${#missing[@]})); then
  echo "fault suite: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"
fi
# Debian starts a cluster on 5432 after installing; the suite needs none of it
command -v pg_lsclusters >/dev/null && pg_lsclusters -h | awk '$4=="online"{print $1, $2}' | while read -r v c; do
  pg_ctlcluster "$v" "$c" stop || true
done
echo "fault suite: haproxy, postgresql and faketime present"
