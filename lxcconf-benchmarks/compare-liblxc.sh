#!/usr/bin/env bash
# lxcconf against liblxc's own loading, measured in one run on the same inputs, with ratios.
#
#   1. liblxc 5.x: lxcbench (src/main/c/lxcbench.c, built here with gcc against lxc-dev) times
#      lxc_container_new + load_config + lxc_container_put of large.conf, small.conf, an empty file (the
#      cost of the container object alone) and the fleet (1 000 configs of 1 to 10 KB), before and after
#      the JMH runs; the faster of the two runs counts, so any load on the machine favours liblxc;
#   2. JMH: ParseBenchmark (parse and the plain line-split baseline) and FleetBenchmark (parse + validate()
#      per fleet file), in several forks, to see every JVM;
#   3. `lxcconf lint FLEETDIR` (a fresh JVM, wall time; `java -jar` and the launcher script with its
#      class-data archive) against `lxcbench -1` loading the same files in one process, median of N runs
#      each, interleaved;
#   4. prints every figure and the ratios liblxc time / lxcconf time (above 1: lxcconf is faster), raw and
#      net of the container object.
#
# Usage: lxcconf-benchmarks/compare-liblxc.sh [FORKS] [LINT_RUNS]      (defaults 3 and 5)
# Needs gcc, lxc-dev (liblxc headers) and python3. Builds lxcconf-benchmarks/target/benchmarks.jar and
# lxcconf-cli/target/lxcconf.jar when missing; after changing the code rebuild them with
#   ./mvnw -q -B -DskipTests package -pl lxcconf-benchmarks,lxcconf-cli -am
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
forks="${1:-3}"
lint_runs="${2:-5}"
module=lxcconf-benchmarks
jar="$module/target/benchmarks.jar"
cli="lxcconf-cli/target/lxcconf.jar"
data="$root/$module/target/bench-data"
out="$root/$module/target/compare"
shared="${LXCCONF_SHARED_DIR:-../shared}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$jar" || ! -f "$cli" ]]; then
  echo "building $jar and $cli"
  ./mvnw -q -B -DskipTests package -pl "$module,lxcconf-cli" -am
fi
mkdir -p "$out" "$out/lxcpath"
bench="$out/lxcbench"
if [[ ! -x "$bench" || "$module/src/main/c/lxcbench.c" -nt "$bench" ]]; then
  gcc -O2 -Wall -o "$bench" "$module/src/main/c/lxcbench.c" -llxc
fi

python3 "$shared/bench/gen-bench.py" "$data"
rm -rf "$data/fleet" "$data/fleet.list"
python3 "$module/gen-fleet.py" "$data/fleet"
: > "$data/empty.conf"

echo "== $(date -u '+%F %T') UTC, $(nproc) CPUs, load: $(uptime | sed 's/.*load average: //')"
"$java" -version 2>&1 | head -1

liblxc() {
  "$bench" -t 1 -r 5 "$out/lxcpath" "$data/empty.conf" "$data/small.conf" "$data/large.conf"
  "$bench" -f -t 2 -r 5 "$out/lxcpath" "$data/fleet.list"
}
echo "== liblxc, before JMH"
liblxc | tee "$out/liblxc-1.tsv"

echo "== JMH ($forks forks)"
"$java" -jar "$jar" '\.ParseBenchmark\.(parse|baseline)(Large|Small)$' 'FleetBenchmark' -f "$forks" \
  -jvmArgsAppend "-Dlxcconf.bench.dir=$data" -rf json -rff "$out/jmh.json" > "$out/jmh.txt"
sed -n '/^Benchmark /,$p' "$out/jmh.txt"

echo "== liblxc, after JMH"
liblxc | tee "$out/liblxc-2.tsv"

echo "== lint of the fleet, $lint_runs runs each, interleaved"
"$bench" -1 "$out/lxcpath" "$data/fleet.list"
rm -rf "$out"/lint-*.ms "$out/cache"
# the launcher script writes its class-data archive on its first run: that run is not timed
LXCCONF_JAR="$cli" XDG_CACHE_HOME="$out/cache" lxcconf-cli/src/main/sh/lxcconf lint "$data/small.conf" \
  > /dev/null 2>&1 || true
for ((i = 0; i < lint_runs; i++)); do
  for tool in liblxc lxcconf launcher; do
    start=$(date +%s%N)
    if [[ $tool == liblxc ]]; then
      "$bench" -1 "$out/lxcpath" "$data/fleet.list" > /dev/null
    elif [[ $tool == lxcconf ]]; then
      "$java" -jar "$cli" lint "$data/fleet" > "$out/lint.txt" 2>&1 || true
    else
      LXCCONF_JAR="$cli" XDG_CACHE_HOME="$out/cache" lxcconf-cli/src/main/sh/lxcconf lint "$data/fleet" \
        > /dev/null 2>&1 || true
    fi
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >> "$out/lint-$tool.ms"
  done
done
tail -1 "$out/lint.txt"
echo "load after: $(uptime | sed 's/.*load average: //')"

python3 - "$out" "$data" <<'PY'
import json, os, statistics, sys
out, data = sys.argv[1], sys.argv[2]

def liblxc(path):
    r = {}
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        name = os.path.basename(f[0]) if f[0] != "fleet" else "fleet"
        r[(name, f[1] if f[0] != "fleet" else "fresh")] = float(f[2])
    return r

a, b = liblxc(os.path.join(out, "liblxc-1.tsv")), liblxc(os.path.join(out, "liblxc-2.tsv"))
lx = {k: min(a[k], b[k]) for k in a}  # ns per op, the faster run
EMPTY = ("empty.conf", "fresh")
# net of the container object: the file less the empty file, both from the run that counts for the file
net_of = {k: (a[k] - a[EMPTY]) if a[k] <= b[k] else (b[k] - b[EMPTY]) for k in a}
jmh = {}
for r in json.load(open(os.path.join(out, "jmh.json"))):
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    unit = r["primaryMetric"]["scoreUnit"]
    scale = {"ms/op": 1e6, "us/op": 1e3, "ns/op": 1}[unit]
    forks = [statistics.mean(f) * scale for f in r["primaryMetric"]["rawData"]]
    jmh[name] = (r["primaryMetric"]["score"] * scale, min(forks), max(forks))

def fmt(ns):
    return f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.2f} µs"

empty = lx[("empty.conf", "fresh")]
print()
print(f"liblxc container object alone (new + load of an empty file + put): {fmt(a[EMPTY])} / {fmt(b[EMPTY])}"
      " (before / after JMH)")
print()
print("| input | liblxc load_config (raw) | liblxc net of the container | lxcconf (mean; slowest fork) | ratio raw | ratio net | worst fork raw / net | lxcconf / plain split |")
print("|---|---|---|---|---|---|---|---|")
size = {n: os.path.getsize(os.path.join(data, n)) for n in ("large.conf", "small.conf")}
rows = [("large.conf", "ParseBenchmark.parseLarge", "ParseBenchmark.baselineLarge", ("large.conf", "fresh")),
        ("small.conf", "ParseBenchmark.parseSmall", "ParseBenchmark.baselineSmall", ("small.conf", "fresh")),
        ("fleet, parse + validate() per file", "FleetBenchmark.parseValidate", "FleetBenchmark.baseline", ("fleet", "fresh")),
        ("fleet, read file + parse + validate()", "FleetBenchmark.readParseValidate", "FleetBenchmark.baseline", ("fleet", "fresh")),
        ("fleet, parse alone", "FleetBenchmark.parse", "FleetBenchmark.baseline", ("fleet", "fresh"))]
for label, ours, base, theirs in rows:
    raw = lx[theirs]
    net = net_of[theirs]
    mean, lo, hi = jmh[ours]
    extra = ""
    if label in size:
        extra = f" ({size[label] / mean * 1e3:.0f} MB/s)"
    print(f"| {label} | {fmt(raw)} | {fmt(net)} | {fmt(mean)}{extra}; {fmt(hi)} | {raw / mean:.1f}× | {net / mean:.1f}× "
          f"| {raw / hi:.1f}× / {net / hi:.1f}× | {mean / jmh[base][0]:.2f}× |")
print()
for k in sorted(lx):
    print(f"liblxc {k[0]} {k[1]}: {fmt(a[k])} / {fmt(b[k])} (before / after JMH)")

def median(path):
    return statistics.median(int(x) for x in open(path))
ll, lc = median(os.path.join(out, "lint-liblxc.ms")), median(os.path.join(out, "lint-lxcconf.ms"))
lo = median(os.path.join(out, "lint-launcher.ms"))
print()
print(f"fleet wall time, median: liblxc one process loading all {sum(1 for _ in open(os.path.join(data, 'fleet.list')))} files"
      f" {ll:.0f} ms; `java -jar lxcconf.jar lint DIR` {lc:.0f} ms (ratio {ll / lc:.2f}×);"
      f" the launcher script with its class-data archive {lo:.0f} ms (ratio {ll / lo:.2f}×)")
PY
