#!/usr/bin/env bash
# Measures a create-batch --wait --download of JOBS jobs against the emulator with a RPM limit and
# RENDER-second renders, and compares the wall time with its lower bound. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-200}
RPM=${RPM:-60}
RENDER=${RENDER:-30}
work=$(mktemp -d)
trap 'kill "${emulator_pid:-0}" 2>/dev/null || true' EXIT
export SORA4J_HOME="$work/home"
# The emulator's control routes (stats) need a token.
export SORA4J_CONTROL_TOKEN="bench-control-token-$RANDOM$RANDOM"

bin/sora emulator --state-dir "$work/state" --control --rpm "*=$RPM" --render-base "$RENDER" --render-threads 2 \
  --no-moderation >"$work/url" 2>"$work/emulator.log" &
emulator_pid=$!
for _ in $(seq 1 120); do [ -s "$work/url" ] && break; sleep 0.5; done
url=$(head -1 "$work/url")
root=${url%/v1}
for i in $(seq 1 "$JOBS"); do echo "Bench clip $i, a harbour at dusk"; done >"$work/jobs.jsonl"

start=$(date +%s.%N)
OPENAI_BASE_URL="$url" OPENAI_API_KEY=bench bin/sora create-batch --input "$work/jobs.jsonl" --out-dir "$work/out" \
  --wait --download --rpm "$RPM" --concurrency 3 --poll-interval 5 >"$work/summary.json" 2>"$work/batch.log"
end=$(date +%s.%N)

# One download on its own, to measure the download term of the lower bound.
results=("$work"/out/*.json)
id=$(grep -o -m1 'video_[0-9a-f]\{48\}' "${results[0]}")
dl_start=$(date +%s.%N)
curl -s -o /dev/null -H "Authorization: Bearer bench" "$url/videos/$id/content"
dl_end=$(date +%s.%N)

curl -s -H "Authorization: Bearer $SORA4J_CONTROL_TOKEN" "$root/_emulator/stats" >"$work/stats.json"
python3 - "$JOBS" "$RPM" "$RENDER" "$start" "$end" "$dl_start" "$dl_end" "$work" <<'PY'
import json, sys, glob
jobs, rpm, render = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
start, end, dl0, dl1, work = float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]), sys.argv[8]
stats = json.load(open(work + "/stats.json"))
requests = sum(stats["requests"].values())
# The emulator's timeline for a 4 s clip: 1 s queued, then RENDER s + 4 x 0.25 s in progress.
one_render = 1 + render + 4 * 0.25
lower = (jobs - 1) / rpm * 60 + one_render + (dl1 - dl0)
wall = end - start
mp4 = len(glob.glob(work + "/out/*.mp4"))
print(f"jobs={jobs} rpm={rpm:g} render={render:g}s mp4={mp4} created={stats['jobs_created']}")
print(f"wall={wall:.1f}s lower_bound={lower:.1f}s ratio={wall / lower:.3f}")
print(f"api_requests={requests} per_job={requests / jobs:.2f}")
print("by_route=" + json.dumps(stats["requests"], sort_keys=True))
PY
