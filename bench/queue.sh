#!/usr/bin/env bash
# Team throughput: JOBS queued jobs run by 1, 2 and 4 `sora worker` processes sharing one PostgreSQL
# ledger, against the emulator with an RPM limit and RENDER-second renders; prints each wall time and
# its ratio to the lower bound. See bench/README.md ("Work queue").
# Needs a PostgreSQL server: PG_URL (with PGUSER/PGPASSWORD as usual), or Debian's postgresql package
# (apt-get install -y postgresql), from which a throw-away cluster is started here (as the postgres
# user when run as root, since initdb refuses root).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-60}
RPM=${RPM:-60}
RENDER=${RENDER:-30}
CONCURRENCY=${CONCURRENCY:-10}
WORKERS=${WORKERS:-"1 2 4"}
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${pgdata:-}" ]; then as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
export SORA4J_HOME="$work/home"
export SORA4J_CONTROL_TOKEN=bench-control-token-0123456789
# Cached clips: the bench measures the queue and the rate limit, not FFmpeg on a shared 2-core machine.
export SORA4J_EMULATOR_RENDER=${SORA4J_EMULATOR_RENDER:-fast}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -z "${PG_URL:-}" ]; then
  pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
  pgdata="$work/pg"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$pgdata" && chmod 700 "$pgdata"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$pgdata"; chmod 777 "$work"; fi
  as_pg "$pgbin/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -o "-p $port -k $work -c listen_addresses=127.0.0.1" -w start >/dev/null
  PG_URL="jdbc:postgresql://127.0.0.1:$port"
  export PGUSER=postgres
  base_url=$PG_URL
  new_db() { psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $1" postgres; echo "$base_url/$1"; }
else
  new_db() { echo "$PG_URL"; }
fi

bin/sora emulator --state-dir "$work/state" --control --rpm "*=$RPM" --render-base "$RENDER" --render-threads 2 \
  --no-moderation >"$work/url" 2>"$work/emulator.log" &
pids+=($!)
for _ in $(seq 1 120); do [ -s "$work/url" ] && break; sleep 0.5; done
url=$(head -1 "$work/url")
root=${url%/v1}
export OPENAI_BASE_URL="$url" OPENAI_API_KEY=bench

for n in $WORKERS; do
  export SORA4J_LEDGER
  SORA4J_LEDGER=$(new_db "bench_$n")
  for i in $(seq 1 "$JOBS"); do echo "Bench clip $i for $n worker(s), a harbour at dusk"; done >"$work/jobs-$n.jsonl"
  bin/sora queue add --input "$work/jobs-$n.jsonl" --queue "bench$n" >/dev/null 2>&1
  curl -s -X POST -H "Authorization: Bearer $SORA4J_CONTROL_TOKEN" -H "Content-Type: application/json" -d '{}' \
    "$root/_emulator/reset" >/dev/null || true
  start=$(date +%s.%N)
  wpids=()
  for w in $(seq 1 "$n"); do
    bin/sora worker --queue "bench$n" --out-dir "$work/out-$n" --concurrency "$CONCURRENCY" --rpm "$RPM" \
      --poll-interval 1 --until-empty >"$work/worker-$n-$w.json" 2>"$work/worker-$n-$w.log" &
    wpids+=($!)
  done
  for p in "${wpids[@]}"; do wait "$p"; done
  end=$(date +%s.%N)
  results=("$work"/out-"$n"/*.json)
  id=$(grep -o -m1 'video_[0-9a-f]\{48\}' "${results[0]}")
  dl_start=$(date +%s.%N)
  curl -s -o /dev/null -H "Authorization: Bearer bench" "$url/videos/$id/content"
  dl_end=$(date +%s.%N)
  mp4=$(find "$work/out-$n" -maxdepth 1 -name '*.mp4' | wc -l)
  status=$(bin/sora queue status --queue "bench$n" 2>/dev/null)
  python3 - "$n" "$JOBS" "$RPM" "$RENDER" "$start" "$end" "$dl_start" "$dl_end" "$mp4" "$status" <<'PY'
import json, sys
n, jobs, rpm, render = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
start, end, dl0, dl1, mp4 = float(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8]), int(sys.argv[9])
status = json.loads(sys.argv[10])
# Every create at the limit, then one job's render (1 s queued + RENDER s + 4 x 0.25 s) and one download.
lower = (jobs - 1) / rpm * 60 + 1 + render + 1 + (dl1 - dl0)
wall = end - start
print(f"workers={n} jobs={jobs} rpm={rpm:g} render={render:g}s mp4={mp4} done={status['done']} "
      f"spent=${status['spent']:.2f} wall={wall:.1f}s lower_bound={lower:.1f}s ratio={wall / lower:.3f}")
PY
done
curl -s "$root/_emulator/stats" -H "Authorization: Bearer $SORA4J_CONTROL_TOKEN" >"$work/stats.json" || true
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("emulator: jobs_created=%s by_route=%s" % (s.get("jobs_created"), json.dumps(s.get("requests"), sort_keys=True)))' "$work/stats.json" || true
