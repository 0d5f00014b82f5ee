#!/usr/bin/env bash
# `sora download` against curl on the same 200 MB asset served by `sora emulator` over loopback:
# median throughput of paired runs, their ratio, and sora's peak RSS for the 200 MB asset next to
# its peak RSS for a normal ~1 MB clip (flat = memory does not grow with the file).
#
#   RUNS=5 SIZE_MB=200 bench/download/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-5}"
size_mb="${SIZE_MB:-200}"
work="$(mktemp -d)"
trap 'kill "${served_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export SORA4J_NO_BUILD=1 SORA4J_HOME="$work/home" SORA4J_EMULATOR_RENDER=fast
unset OPENAI_BASE_URL SORA4J_PROFILE SORA4J_LEDGER
command -v curl >/dev/null || { echo "bench/download needs curl" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/download needs /usr/bin/time (GNU time)" >&2; exit 2; }

"$root/bin/sora" emulator --state-dir "$work/state" --no-rate-limits >"$work/url" 2>/dev/null &
served_pid=$!
for _ in $(seq 1 600); do [ -s "$work/url" ] && break; sleep 0.1; done
export OPENAI_BASE_URL="$(head -n1 "$work/url")" OPENAI_API_KEY=x
make_job() {
  local id
  id="$("$root/bin/sora" create --prompt "$1" 2>/dev/null | sed -n 's/.*"id" : "\(video_[^"]*\)".*/\1/p')"
  "$root/bin/sora" poll --id "$id" --poll-interval 1 >/dev/null 2>&1
  echo "$id"
}
big="$(make_job "Download bench, the big one")"
small="$(make_job "Download bench, a normal clip")"

# The big asset: the rendered MP4 followed by a `free` box up to SIZE_MB (a whole MP4 to sora's check).
python3 - "$work/state/media/$big/video.mp4" "$size_mb" <<'PY'
import os, struct, sys
path, mb = sys.argv[1], int(sys.argv[2])
have = os.path.getsize(path)
pad = mb * 1024 * 1024 - have
with open(path, "ab") as f:
    f.write(struct.pack(">I", pad) + b"free")
    f.truncate(have + pad)
PY
bytes="$(stat -c %s "$work/state/media/$big/video.mp4")"

timed() { # label cmd... -> "wall rss_kib"
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1
  cat "$work/t"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for i in $(seq 1 "$runs"); do
  rm -f "$work"/*.mp4
  timed curl -sf -o "$work/curl.mp4" -H "Authorization: Bearer x" "$OPENAI_BASE_URL/videos/$big/content" >>"$work/curl"
  timed "$root/bin/sora" download --id "$big" --out "$work/sora.mp4" >>"$work/sora"
  cmp -s "$work/curl.mp4" "$work/sora.mp4" || { echo "the two downloads differ" >&2; exit 1; }
  timed "$root/bin/sora" download --id "$small" --out "$work/small.mp4" >>"$work/small"
done
cw="$(cut -d' ' -f1 "$work/curl" | median)"
sw="$(cut -d' ' -f1 "$work/sora" | median)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "asset: $bytes bytes, $runs paired runs (medians; sora's wall includes its JVM start)"
awk -v b="$bytes" -v c="$cw" -v s="$sw" 'BEGIN {
  printf "curl  %6.2f s  %7.1f MB/s\n", c, b / c / 1e6
  printf "sora  %6.2f s  %7.1f MB/s\n", s, b / s / 1e6
  printf "ratio (sora/curl throughput) %.3f\n", c / s }'
echo "sora peak RSS: $(cut -d' ' -f2 "$work/sora" | sort -n | tail -n1 | awk '{printf "%.1f", $1/1024}') MiB for $((bytes / 1048576)) MiB," \
  "$(cut -d' ' -f2 "$work/small" | sort -n | tail -n1 | awk '{printf "%.1f", $1/1024}') MiB for a $(( $(stat -c %s "$work/small.mp4") / 1024 )) KiB clip"
