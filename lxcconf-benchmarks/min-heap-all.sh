#!/usr/bin/env bash
# Prints the least heap (-Xmx, serial collector) each operation runs in on one config, in MiB and as a multiple
# of the file's size, for the library (HeapOperation in benchmarks.jar) and for the lxcconf command.
#
# Usage: lxcconf-benchmarks/min-heap-all.sh FILE [OPERATION...]
#   lxcconf-benchmarks/min-heap-all.sh lxcconf-benchmarks/target/bench-data/large.conf
#   lxcconf-benchmarks/min-heap-all.sh big.conf lib:explain-write cmd:explain
# Operations: lib:parse lib:validate lib:explain lib:explain-text lib:explain-write lib:migrate lib:fmt
# (see HeapOperation) and cmd:explain cmd:explain-json cmd:lint cmd:migrate cmd:fmt (`lxcconf COMMAND FILE`,
# explain-json `lxcconf explain --format json FILE`, output to /dev/null); by default all of them. Environment: BENCH_JAR (default
# lxcconf-benchmarks/target/benchmarks.jar), CLI_JAR (default lxcconf-cli/target/lxcconf.jar), and those of
# min-heap.sh (MIN_HEAP_START, MIN_HEAP_STEP, MIN_HEAP_TIMEOUT). The multiple includes the JVM's own few MiB:
# on small.conf every operation runs in 3 MiB.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${BENCH_JAR:-$root/lxcconf-benchmarks/target/benchmarks.jar}"
cli="${CLI_JAR:-$root/lxcconf-cli/target/lxcconf.jar}"
file="$1"
shift
size=$(stat -c %s "$file")
ops=("$@")
if (( ${#ops[@]} == 0 )); then
  ops=(lib:parse lib:validate lib:explain lib:explain-text lib:explain-write lib:migrate lib:fmt
       cmd:explain cmd:explain-json cmd:lint cmd:migrate cmd:fmt)
fi
echo "$file: $size bytes"
for op in "${ops[@]}"; do
  name=${op#*:}
  case $op in
    lib:*) mib=$("$root/lxcconf-benchmarks/min-heap.sh" -cp "$bench" io.github.lxcconf.bench.HeapOperation "$name" "$file") ;;
    cmd:explain-json) mib=$("$root/lxcconf-benchmarks/min-heap.sh" -jar "$cli" explain --format json "$file") ;;
    cmd:*) mib=$("$root/lxcconf-benchmarks/min-heap.sh" -jar "$cli" "$name" "$file") ;;
    *) echo "unknown operation $op" >&2; exit 2 ;;
  esac
  awk -v op="$op" -v mib="$mib" -v size="$size" 'BEGIN { printf "%-18s %6d MiB %6.1fx\n", op, mib, mib * 1048576 / size }'
done
