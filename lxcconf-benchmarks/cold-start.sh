#!/usr/bin/env bash
# Cold start of the lxcconf command: wall-clock time of a fresh JVM running
# `lxcconf explain` (and `lint`, `--version`, and lint and explain through the
# launcher script, with and without its class cache: a class-data archive, or on
# Java 25 and later an ahead-of-time cache) on the bundled classroom config,
# median of N runs, against a baseline measured in the same run: a fresh JVM
# that prints one line and exits. Runs are interleaved so that a busy moment
# of the machine hits every command alike; the median CPU time (user + system)
# and the load average are printed too, as other work on a shared machine
# stretches wall-clock times far more than CPU times.
#
# Usage: lxcconf-benchmarks/cold-start.sh [N]      (default N = 21)
# JAVA_HOME picks the JVM (of every command, the launcher's too).
# The jar is built when it is missing:
#   ./mvnw -q -B -DskipTests package -pl lxcconf-cli -am
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-21}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=lxcconf-cli/target/lxcconf.jar
conf=lxcconf-examples/src/main/resources/classroom-102.conf

if [[ ! -f "$jar" ]]; then
  echo "building $jar"
  ./mvnw -q -B -DskipTests package -pl lxcconf-cli -am
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$tmp/Hello.java"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$tmp" "$tmp/Hello.java"

names=(baseline version lint explain launcher_nocds launcher_lint launcher)
cmd_baseline=("$java" -cp "$tmp" Hello)
cmd_version=("$java" -jar "$jar" --version)
cmd_lint=("$java" -jar "$jar" lint "$conf")
cmd_explain=("$java" -jar "$jar" explain "$conf")
cmd_launcher_nocds=(env LXCCONF_JAR="$jar" LXCCONF_CDS=0 lxcconf-cli/src/main/sh/lxcconf explain "$conf")
# the launcher's class caches go into cache folders of this run's own, one per command (a cache holds
# the classes of the run that made it); the untimed run below makes them
cmd_launcher_lint=(env LXCCONF_JAR="$jar" XDG_CACHE_HOME="$tmp/cache-lint" lxcconf-cli/src/main/sh/lxcconf lint "$conf")
cmd_launcher=(env LXCCONF_JAR="$jar" XDG_CACHE_HOME="$tmp/cache" lxcconf-cli/src/main/sh/lxcconf explain "$conf")

# one untimed run each, so the file cache holds the JDK and the jar
for name in "${names[@]}"; do
  declare -n cmd="cmd_$name"
  "${cmd[@]}" > /dev/null 2>&1 || true
done

uptime_before=$(uptime | sed 's/.*load average://')
for ((i = 0; i < runs; i++)); do
  for name in "${names[@]}"; do
    declare -n cmd="cmd_$name"
    # wall-clock time, and the CPU time (user + system) of the command and its children, which
    # other work on a shared machine disturbs less
    TIMEFORMAT='%3R %3U %3S'
    { time "${cmd[@]}" > /dev/null 2>&1 || true; } 2> "$tmp/time"
    read -r real user sys < "$tmp/time"
    awk -v r="$real" 'BEGIN { printf "%d\n", r * 1000 + 0.5 }' >> "$tmp/$name.ms"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d\n", (u + s) * 1000 + 0.5 }' >> "$tmp/$name.cpu"
  done
done

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
range() { sort -n "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "-" hi }'; }

base=$(median "$tmp/baseline.ms")
"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs, $runs runs each, milliseconds: wall-clock median, range and ratio to the baseline; CPU (user + system) median"
echo "load average before the runs:$uptime_before"
echo "load average after the runs: $(uptime | sed 's/.*load average://')"
printf '%-42s %8s %12s %8s %8s\n' command median range ratio cpu
for name in "${names[@]}"; do
  m=$(median "$tmp/$name.ms")
  case "$name" in
    baseline) label="java Hello (JVM start, baseline)" ;;
    version) label="lxcconf --version" ;;
    lint) label="lxcconf lint classroom-102.conf" ;;
    explain) label="lxcconf explain classroom-102.conf" ;;
    launcher_nocds) label="explain, launcher script, LXCCONF_CDS=0" ;;
    launcher_lint) label="lint, launcher script with its cache" ;;
    launcher) label="explain, launcher script with its cache" ;;
  esac
  printf '%-42s %8s %12s %7.1fx %8s\n' "$label" "$m" "$(range "$tmp/$name.ms")" \
    "$(awk -v a="$m" -v b="$base" 'BEGIN { print a / b }')" "$(median "$tmp/$name.cpu")"
done
