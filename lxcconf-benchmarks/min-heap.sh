#!/usr/bin/env bash
# Finds the smallest -Xmx (in MiB) at which a Java command runs to the end, by bisection.
#
# Usage: lxcconf-benchmarks/min-heap.sh JAVA-ARGUMENTS...
#   lxcconf-benchmarks/min-heap.sh -jar lxcconf-cli/target/lxcconf.jar explain large.conf
#   lxcconf-benchmarks/min-heap.sh -cp lxcconf-benchmarks/target/benchmarks.jar \
#       io.github.lxcconf.bench.HeapOperation validate large.conf
# Each run is `java -Xmx<N>m -XX:+UseSerialGC JAVA-ARGUMENTS... >/dev/null`; a run counts as done when its
# exit status is 0 or 1 (lint and fmt --check exit 1 for findings), it printed no OutOfMemoryError and it
# ended within MIN_HEAP_TIMEOUT seconds (default 300: a heap so small that the collector runs all the time
# does not count). Prints the least N found, within MIN_HEAP_STEP percent (default 3).
# Environment: JAVA_HOME, MIN_HEAP_START (the first N tried, default 64), MIN_HEAP_FLOOR (an N known to be too
# small, default 2: bisection starts above it).
set -uo pipefail

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
step="${MIN_HEAP_STEP:-3}"
err="$(mktemp)"
trap 'rm -f "$err"' EXIT

ok() {
  local mib=$1
  shift
  timeout "${MIN_HEAP_TIMEOUT:-300}" "$java" "-Xmx${mib}m" -XX:+UseSerialGC "$@" >/dev/null 2>"$err" </dev/null
  local status=$?
  if (( status > 1 )) || grep -q 'OutOfMemoryError' "$err"; then
    return 1
  fi
  return 0
}

lo="${MIN_HEAP_FLOOR:-2}"              # known to fail (or the floor)
hi="${MIN_HEAP_START:-64}"
while ! ok "$hi" "$@"; do
  lo=$hi
  hi=$(( hi * 2 ))
  if (( hi > 65536 )); then
    echo "min-heap: does not run in 64 GiB: $(tail -n 3 "$err")" >&2
    exit 1
  fi
done
while (( (hi - lo) * 100 > step * hi && hi - lo > 1 )); do
  mid=$(( (lo + hi) / 2 ))
  if ok "$mid" "$@"; then hi=$mid; else lo=$mid; fi
done
echo "$hi"
