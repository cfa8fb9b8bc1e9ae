#!/usr/bin/env bash
# Runs the performance scenarios of issue 8 the way docs/benchmarks.md measures them: the server on
# core 1 (`taskset -c 1`), the load tool on core 0, a fresh server and data directory per scenario,
# loopback only. Run it on a quiet two-core machine; it stops by itself.
#
#   tools/bench.sh [scenario ...]      scenarios: lecture main relay saturation relay-saturation redis idle join
#                                      (default: all but relay-saturation and redis, which needs redis-server)
#
# Each scenario prints the tool's summary; every RESULT line (the tool's JSON) is appended, with the
# scenario's name and the commit, to $BENCH_OUT (default artifacts/bench/results.jsonl).
# BENCH_SECONDS (default 30) is the measured window of the load scenarios (the lecture's too).
# BENCH_KEEP=1 keeps the work directory (server logs, data) in /tmp instead of removing it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-30}
out=${BENCH_OUT:-artifacts/bench/results.jsonl}
work=$(mktemp -d /tmp/studyrooms-bench.XXXXXX)
port=${BENCH_PORT:-5300}
server_pid=""
mkdir -p "$(dirname "$out")"
redis_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

server_dll=src/StudyRooms.Server/bin/Release/net10.0/StudyRooms.Server.dll
tool_dll=tools/StudyRooms.LoadTest/bin/Release/net10.0/StudyRooms.LoadTest.dll
dotnet build src/StudyRooms.Server -c Release -nologo -clp:ErrorsOnly -p:SkipWebBuild=true
dotnet build tools/StudyRooms.LoadTest -c Release -nologo -clp:ErrorsOnly

# start_server [ENV=VALUE ...]: a fresh server on core 1; sets server_pid once /ready answers.
start_server() {
  port=$((port + 1))
  local data="$work/data-$port"
  # The tool signs in every client from one address: lift the per-address session limit.
  env StudyRooms__RateLimits__SessionsPerMinutePerAddress=50000 "$@" \
    taskset -c 1 dotnet "$server_dll" --urls "http://127.0.0.1:$port" \
    --StudyRooms:DataDirectory="$data" --StudyRooms:SiloPort=$((port + 10000)) --StudyRooms:GatewayPort=$((port + 20000)) \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:StudyRooms.Server.Hosting.HeapTrimming=Information \
    > "$work/server-$port.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/ready" > /dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$port.log"; return 1; }
    sleep 0.5
  done
  echo "the server did not answer /ready within 120 s" >&2
  return 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  if [ -n "$redis_pid" ]; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=""
  fi
}

# tool SCENARIO ARGS...: runs the load tool on core 0 against the current server and keeps its RESULT.
tool() {
  local scenario=$1
  shift
  local redis_before=""
  [ -n "$redis_pid" ] && redis_before=$(cpu_ticks "$redis_pid")
  taskset -c 0 dotnet "$tool_dll" --url "http://127.0.0.1:$port" "$@" 2> "$work/tool.err" | tee "$work/tool.out" | grep -v '^RESULT '
  local result redis_cpu=""
  result=$(grep '^RESULT ' "$work/tool.out" | tail -1 | cut -c8-)
  [ -n "$result" ] || { tail -20 "$work/tool.err" >&2; return 1; }
  if [ -n "$redis_before" ]; then
    # Redis shares the tool's core: its CPU over the whole run (warm-up and drain included).
    redis_cpu=$(awk -v a="$redis_before" -v b="$(cpu_ticks "$redis_pid")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
    echo "  redis CPU       $redis_cpu s over the tool's run"
  fi
  printf '{"scenario":"%s","commit":"%s","at":"%s","redisCpuSeconds":%s,"result":%s}\n' \
    "$scenario" "$(git rev-parse --short HEAD)" "$(date -u +%FT%TZ)" "${redis_cpu:-null}" "$result" >> "$out"
}

# cpu_ticks PID: user + system clock ticks the process has used.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

warm() {
  taskset -c 0 dotnet "$tool_dll" --url "http://127.0.0.1:$port" --server-pid "$server_pid" \
    --clients 100 --rooms 10 --edits 5 --warmup 5 --duration 10 "$@" > /dev/null 2>&1
}

run_lecture() {
  start_server
  tool lecture --server-pid "$server_pid" --clients 200 --rooms 1 --drawers 30 --edits 1 --cursor-hz 30 \
    --warmup 5 --duration "$seconds" --rss-every 10
  stop_server
}

run_main() {
  start_server
  warm
  tool main --server-pid "$server_pid" --clients 400 --rooms 40 --edits 5 --warmup 5 --duration "$seconds"
  stop_server
}

# start_relay: the bare SignalR relay (the framework's floor) on core 1, where the server would run.
start_relay() {
  port=$((port + 1))
  taskset -c 1 dotnet "$tool_dll" serve-relay --port "$port" > "$work/relay.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 60); do (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break; sleep 0.5; done
}

run_relay() {
  start_relay
  tool relay --relay --server-pid "$server_pid" --clients 400 --rooms 40 --edits 5 --warmup 5 --duration "$seconds"
  stop_server
}

# The saturation sweeps speak MessagePack through the tool's lean client (--client lean): with the
# SignalR client, the one-core driver was the limit at about 36,000 deliveries/s against the bare
# relay; the lean one costs the driver about a third less per delivery, and every report gives the
# driver's CPU beside the server's, so a step the driver could not keep up with shows as such
# (docs/benchmarks.md, "A lean driver client"). The issue's saturation point is the highest load with
# p99 <= 100 ms and >= 99.9 % delivered; a sweep names the highest step that passes and the first that
# fails, which bracket it. Steps go up to 63,000 deliveries/s.
run_saturation() {
  sweep saturation start_server StudyRooms__MessagePackProtocol=true
}

# The same sweep against the bare relay: the framework's own saturation point on this machine.
run_relay-saturation() {
  sweep relay-saturation start_relay
}

# sweep NAME START_COMMAND [ENV=VALUE ...]: one fresh server per step, started by START_COMMAND.
sweep() {
  local name=$1 start=$2
  shift 2
  local passed="" failed="" target=()
  [ "$start" = start_relay ] && target=(--relay)
  for size in 200 300 400 500 600 700 800 1000 1200 1400; do
    "$start" "$@"
    warm "${target[@]}" --protocol messagepack --client lean
    tool "$name-$size" "${target[@]}" --server-pid "$server_pid" --protocol messagepack --client lean \
      --clients "$size" --rooms $((size / 10)) --edits 5 --warmup 5 --duration "$seconds"
    stop_server
    local line p99 ratio per_second errors
    line=$(grep '^RESULT ' "$work/tool.out" | tail -1)
    p99=$(grep -oE '"latencyP99Ms":[0-9.]+' <<< "$line" | cut -d: -f2)
    ratio=$(grep -oE '"deliveryRatio":[0-9.]+' <<< "$line" | cut -d: -f2)
    per_second=$(grep -oE '"deliveriesPerSecond":[0-9.]+' <<< "$line" | cut -d: -f2)
    # Calls the server refused (OVERLOADED, mostly in the warm-up's join burst) are named with the step.
    errors=$(grep -oE '"errors":\{[^}]*\}' <<< "$line" | cut -d: -f2-)
    if awk -v p="$p99" -v r="$ratio" 'BEGIN { exit !(p <= 100 && r >= 0.999) }'; then
      passed="$size clients, ${per_second%.*} deliveries/s (p99 $p99 ms, errors $errors)"
    else
      failed="$size clients, ${per_second%.*} deliveries/s (p99 $p99 ms, delivered $ratio, errors $errors)"
      break
    fi
  done
  echo "$name: highest step passing (p99 <= 100 ms, >= 99.9 % delivered): ${passed:-none}"
  echo "$name: first step failing: ${failed:-none (the point lies above the sweep)}"
}

# Redis mode (the issue's second saturation target): board ops, grain state, membership and the
# SignalR backplane all in a redis-server on core 0, beside the tool, with the AOF that
# docs/operations.md asks for (appendfsync everysec). A fresh Redis per step, so no step reads the
# last one's keys.
start_redis_server() {
  local redis_port=$((port + 1 + 30000))
  local redis_dir="$work/redis-$redis_port"
  mkdir -p "$redis_dir"
  taskset -c 0 redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$redis_dir" --save '' \
    --appendonly yes --appendfsync everysec --daemonize no > "$work/redis-$redis_port.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 60); do redis-cli -p "$redis_port" ping 2> /dev/null | grep -q PONG && break; sleep 0.25; done
  start_server StudyRooms__MessagePackProtocol=true StudyRooms__Redis="127.0.0.1:$redis_port" \
    StudyRooms__Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" StudyRooms__AdvertisedIp=127.0.0.1 "$@"
}

run_redis() {
  # The 400 / 40 / 5 scenario first, then the sweep; the Redis of each run stops with its server.
  start_redis_server
  warm --protocol messagepack
  tool redis-main --server-pid "$server_pid" --protocol messagepack --clients 400 --rooms 40 --edits 5 \
    --warmup 5 --duration "$seconds"
  stop_server
  sweep redis-saturation start_redis_server
}

# The window opens 15 s after the joins, once the server has settled (the join burst's own peak is
# the report's "peak RSS", which counts the warm-up too), and lasts a minute to show the plateau.
run_idle() {
  start_server
  tool idle --server-pid "$server_pid" --clients 1000 --rooms 100 --edits 0 --warmup 15 --duration 60 --rss-every 10
  stop_server
}

run_join() {
  start_server
  local seeded room
  seeded=$(taskset -c 0 dotnet "$tool_dll" --url "http://127.0.0.1:$port" --join-board 10000 --joins 1 2>&1)
  room=$(grep -oE 'seeded room [^ ]+' <<< "$seeded" | head -1 | cut -d' ' -f3)
  [ -n "$room" ] || { echo "$seeded" | tail -20 >&2; return 1; }
  tool join --join-room "$room" --joins 6
  stop_server
}

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(lecture main relay saturation idle join)
for scenario in "${scenarios[@]}"; do
  case "$scenario" in
    lecture | main | relay | saturation | relay-saturation | redis | idle | join) ;;
    *) echo "unknown scenario: $scenario (lecture main relay saturation relay-saturation redis idle join)" >&2; exit 2 ;;
  esac
  echo "== $scenario $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  "run_$scenario"
done
echo "results appended to $out"
