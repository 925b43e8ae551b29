#!/usr/bin/env bash
# Runs the lxcconf JMH benchmarks, then the retained-heap measurement.
# For lxcconf against liblxc's own load_config on the same inputs, see compare-liblxc.sh.
#
# Usage: lxcconf-benchmarks/run-benchmarks.sh [JMH options and benchmark regexps]
#   lxcconf-benchmarks/run-benchmarks.sh                                      # the full run
#   lxcconf-benchmarks/run-benchmarks.sh '\.ParseBenchmark\.' -f 1 -wi 6 -i 3  # quicker, steady state
#   lxcconf-benchmarks/run-benchmarks.sh FirstParseBenchmark -f 2              # quicker, first parse
# -wi/-i/-f override every selected benchmark's annotations: FirstParseBenchmark
# needs its own zero warm-up and single iteration, so select it on its own then.
#
# Environment: LXCCONF_SHARED_DIR (default ../shared, relative to the repository
# root) holds bench/gen-bench.py; JAVA_HOME picks the JVM.
# The jar is built only when it is missing; after changing the code, rebuild with
#   ./mvnw -q -B -DskipTests package -pl lxcconf-benchmarks -am
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

module=lxcconf-benchmarks
jar="$module/target/benchmarks.jar"
data="$root/$module/target/bench-data"
result="$module/target/jmh-result.json"
shared="${LXCCONF_SHARED_DIR:-../shared}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$jar" ]]; then
  echo "building $jar"
  ./mvnw -q -B -DskipTests package -pl "$module" -am
fi

python3 "$shared/bench/gen-bench.py" "$data"
if [[ ! -d "$data/fleet" || "$module/gen-fleet.py" -nt "$data/fleet.list" ]]; then
  rm -rf "$data/fleet"
  python3 "$module/gen-fleet.py" "$data/fleet"   # FleetBenchmark's 1 000 configs
fi

"$java" -jar "$jar" \
  -jvmArgsAppend "-Dlxcconf.bench.dir=$data" \
  -rf json -rff "$result" \
  "$@"
echo "JMH results: $root/$result"

echo
"$java" -Xms1g -Xmx1g -XX:+UseSerialGC -Dlxcconf.bench.dir="$data" \
  -cp "$jar" io.github.lxcconf.bench.RetainedHeap
