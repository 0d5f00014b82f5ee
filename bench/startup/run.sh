#!/usr/bin/env bash
# Start-up of `sora` (this checkout, and optionally an older one) against OpenAI's reference
# sora.py, paired run by run: wall, CPU (user+sys) and peak RSS from /usr/bin/time, medians.
# Then the offline emulator: create-and-poll --download cold and warm, and `create` with it warm.
#
#   RUNS=11 bench/startup/run.sh
#   BEFORE_ROOT=/path/to/older/checkout   also run that checkout's bin/sora (built) side by side
#   SORA_PY=/path/to/sora.py              the reference CLI; skipped (with how to get it) when unset
#   PYTHON=python3                        needs the `openai` package (pip install openai)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-11}"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'for h in "$work"/home-*; do SORA4J_HOME="$h" "$root/bin/sora" emulator stop >/dev/null 2>&1 || true; done; kill "${served_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export SORA4J_NO_BUILD=1
unset OPENAI_API_KEY OPENAI_BASE_URL SORA4J_PROFILE SORA4J_LEDGER

[ -x /usr/bin/time ] || { echo "bench/startup needs /usr/bin/time (GNU time: apt-get install time)" >&2; exit 2; }
[ -f "$root/sora4j-cli/target/sora.jar" ] || { echo "build first: mvn -q -B -DskipTests package" >&2; exit 2; }

declare -A cmd
names=("sora")
cmd[sora]="$root/bin/sora"
if [ -n "${BEFORE_ROOT:-}" ]; then
  names+=("before")
  cmd[before]="$BEFORE_ROOT/bin/sora"
fi
if [ -n "${SORA_PY:-}" ] && [ -f "$SORA_PY" ] && "$python" -c 'import openai' 2>/dev/null; then
  names+=("sora.py")
  cmd[sora.py]="$python $SORA_PY"
else
  echo "reference CLI skipped: set SORA_PY to OpenAI's skills/.curated/sora/scripts/sora.py from" >&2
  echo "  https://github.com/openai/skills (git clone, or download that one file) and pip install openai." >&2
fi

# A served emulator with one job, for `status` (each CLI reads the same job over loopback).
served_home="$work/served"
"$root/bin/sora" emulator --state-dir "$served_home" --no-rate-limits >"$work/served.url" 2>/dev/null &
served_pid=$!
for _ in $(seq 1 600); do [ -s "$work/served.url" ] && break; sleep 0.1; done
url="$(head -n1 "$work/served.url")"
id="$(OPENAI_BASE_URL="$url" OPENAI_API_KEY=x SORA4J_HOME="$work/home-status" "$root/bin/sora" create \
  --prompt "Start-up bench clip" 2>/dev/null | sed -n 's/.*"id" : "\(video_[^"]*\)".*/\1/p')"

measure() { # name label args... -> appends "wall cpu rss_kib" to $work/<label>.<name>
  local name="$1" label="$2"; shift 2
  local env=(SORA4J_HOME="$work/home-$name" OPENAI_BASE_URL="$url" OPENAI_API_KEY=x)
  [ "$label" = "dry-run" ] && env=(SORA4J_HOME="$work/home-$name")
  env "${env[@]}" /usr/bin/time -f "%e %U %S %M" -o "$work/t" ${cmd[$name]} "$@" >/dev/null 2>&1 || true
  awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$work/t" >>"$work/$label.$name"
}

# Warm-up, not recorded: file caches, Python's bytecode caches, and bin/sora's class-data archive
# (recorded in the background after a build; waited for here so every recorded run maps it).
for n in "${names[@]}"; do
  measure "$n" warmup --help
done
for _ in $(seq 1 1800); do
  { [ "${SORA4J_CDS:-1}" = "0" ] || [ ! -d "$root/sora4j-cli/target/sora.jsa.lock" ]; } && break
  sleep 0.1
done

for _ in $(seq 1 "$runs"); do
  for n in "${names[@]}"; do
    measure "$n" help --help
    measure "$n" dry-run create --prompt "A paper boat drifting on a pond" --dry-run
    measure "$n" status status --id "$id"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "load average at start of report: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
printf "%-10s %-8s %8s %8s %9s   (median of %s paired runs)\n" command cli wall_s cpu_s rss_mib "$runs"
for label in help dry-run status; do
  for n in "${names[@]}"; do
    f="$work/$label.$n"
    w="$(cut -d' ' -f1 "$f" | median)"
    c="$(cut -d' ' -f2 "$f" | median)"
    r="$(cut -d' ' -f3 "$f" | sort -n | tail -n1)"
    printf "%-10s %-8s %8.3f %8.3f %9.1f\n" "$label" "$n" "$w" "$c" "$(echo "$r / 1024" | bc -l)"
  done
done
echo "(rss_mib: the highest peak of the runs)"

# The offline emulator: a 4 s 720p clip made and downloaded, from a cold start and with it warm.
offline() { # name label args...
  local name="$1" label="$2"; shift 2
  (cd "$work" && SORA4J_HOME="$work/home-off-$name" /usr/bin/time -f "%e %U %S %M" -o "$work/t" \
    ${cmd[$name]} --offline "$@" >/dev/null 2>&1) || echo "  ($name $label failed)" >&2
  awk -v n="$name" -v l="$label" '{printf "%-8s %-34s wall %6.2f s  cpu %6.2f s  rss %6.1f MiB\n", n, l, $1, $2 + $3, $4 / 1024}' "$work/t"
}
echo
echo "offline (real FFmpeg render, 1280x720, 4 s):"
for n in "${names[@]}"; do
  [ "$n" = "sora.py" ] && continue
  rm -f "$work"/*.mp4
  offline "$n" "create-and-poll --download (cold)" create-and-poll --prompt "Bench cold" --download --out "$work/cold-$n.mp4"
  offline "$n" "create-and-poll --download (warm)" create-and-poll --prompt "Bench warm" --download --out "$work/warm-$n.mp4"
  offline "$n" "create (warm)" create --prompt "Bench create"
  SORA4J_HOME="$work/home-off-$n" ${cmd[$n]} emulator stop >/dev/null 2>&1 || true
done
