#!/usr/bin/env bash
# Ingest benchmark: PostgreSQL's own single-row insert rate (pgbench) and Vigil's webhook ingest rate
# (single-mention and 500-mention deliveries), measured in the same run on a fresh database each round.
# Needs: Java 17, psql/createdb/dropdb/pgbench, curl, awk, a PostgreSQL reachable with PGHOST/PGPORT/PGUSER.
# Usage: bench/run-ingest-benchmark.sh        (knobs below as environment variables; see BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-vigil_bench}"
HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19080}"   # health and metrics (/q/*) are served here
CONCURRENCY="${BENCH_CONCURRENCY:-4}"          # pgbench clients = load generator workers
WARMUP="${BENCH_WARMUP:-120}"                  # s of generator warm-up per mode (JIT), not in the figures
PGBENCH_WARMUP="${BENCH_PGBENCH_WARMUP:-10}"   # s of pgbench before its first measured round
DURATION="${BENCH_DURATION:-20}"               # s measured: each pgbench round and each generator mode
RUNS="${BENCH_RUNS:-3}"
OUT="${BENCH_OUT:-target/bench}"
THREADS=$(( CONCURRENCY < 2 ? CONCURRENCY : 2 ))
SECRET="whsec_$(head -c 32 /dev/urandom | base64)"
APP_PID=""

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

# CPU accounting (Linux /proc): clock ticks used so far by the whole machine, by interrupts, the app, the
# client (load generator JVM or pgbench), all postgres processes and kernel threads (WAL fsync, ...);
# the rest is other users' processes, since this machine may be shared.
snap() { # snap APP_PID CLIENT_PID -> "busy irq app client postgres kthreads"
  { head -1 /proc/stat; cat /proc/[0-9]*/stat 2>/dev/null; } | awk -v app="$1" -v client="$2" '
    NR == 1 { for (i = 2; i <= 9; i++) if (i != 5 && i != 6) busy += $i; irq = $7 + $8; next }
    { rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); t = f[12] + f[13]
      comm = $0; sub(/^[0-9]+ \(/, "", comm); sub(/\) .*$/, "", comm)
      if ($1 == app) a += t; else if ($1 == client || comm == "pgbench") c += t
      else if (comm == "postgres") p += t; else if (f[2] == 2 || $1 == 2) k += t }
    END { print busy + 0, irq + 0, a + 0, c + 0, p + 0, k + 0 }'
}
# cpu_report LABEL OPS_PER_SECOND "BEFORE" "AFTER" SECONDS: cores used by each part, CPU ms per operation.
cpu_report() {
  awk -v label="$1" -v rate="$2" -v s="$5" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" -v b="$3" -v e="$4" 'BEGIN {
    split(b, x, " "); split(e, y, " ")
    for (i = 1; i <= 6; i++) d[i] = (y[i] - x[i]) / hz / s
    other = d[1] - d[2] - d[3] - d[4] - d[5] - d[6]; if (other < 0) other = 0
    printf "cpu %s: machine %.0f%% of %d cores busy; cores used: app %.2f, client %.2f, postgres %.2f, " \
      "kernel threads %.2f, interrupts %.2f, other users %.2f", \
      label, 100 * d[1] / cores, cores, d[3], d[4], d[5], d[6], d[2], other
    if (rate > 0) printf "; CPU ms per op: app %.3f, client %.3f, postgres %.3f, kernel+irq %.3f", \
      1000 * d[3] / rate, 1000 * d[4] / rate, 1000 * d[5] / rate, 1000 * (d[6] + d[2]) / rate
    printf "\n" }'
}
# jit_compilations PID: methods the JVM has JIT-compiled so far (jstat, part of the JDK).
jit_compilations() { jstat -compiler "$1" | awk 'NR == 2 {print $1}'; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN {print b - a}'; }

# pgbench_round LABEL [SCRIPT]: one measured pgbench round on $DB; its rate goes to results.txt as LABEL=tps.
pgbench_round() {
  local label=$1 script=${2:-bench/pgbench-insert.sql} pid before after t0 t1 tps failed
  pgbench -n -c "$CONCURRENCY" -j "$THREADS" -T "$DURATION" -f "$script" "$DB" \
    > "$OUT/$label-$run.txt" 2>&1 &
  pid=$!
  sleep 1; before=$(snap 0 0); t0=$(date +%s.%N)
  sleep $(( DURATION - 2 )); after=$(snap 0 0); t1=$(date +%s.%N)
  wait "$pid" || { cat "$OUT/$label-$run.txt"; exit 1; }
  tps=$(awk '/^tps = / {print $3}' "$OUT/$label-$run.txt")
  failed=$(awk '/number of failed transactions/ {print $5}' "$OUT/$label-$run.txt")
  echo "$label: $tps inserts/s ($failed failed)"
  cpu_report "$label" "$tps" "$before" "$after" "$(seconds_between "$t0" "$t1")" | tee -a "$OUT/cpu.txt"
  echo "run=$run $label=$tps" >> "$OUT/results.txt"
}

if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  echo "Building (package compiles the load generator too)..."
  ./mvnw -q -B package -DskipTests
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.log
: > "$OUT/results.txt"; : > "$OUT/cpu.txt"
echo "Machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $(java -version 2>&1 | head -1)"
echo "PostgreSQL $(psql -d postgres -Atc 'SHOW server_version'): synchronous_commit=$(psql -d postgres -Atc 'SHOW synchronous_commit')," \
  "fsync=$(psql -d postgres -Atc 'SHOW fsync'), wal_sync_method=$(psql -d postgres -Atc 'SHOW wal_sync_method')," \
  "commit_delay=$(psql -d postgres -Atc 'SHOW commit_delay'), shared_buffers=$(psql -d postgres -Atc 'SHOW shared_buffers')"
echo "Concurrency $CONCURRENCY; warm-up ${PGBENCH_WARMUP}s (pgbench), ${WARMUP}s per mode (generator); measured ${DURATION}s; $RUNS run(s)"

for run in $(seq 1 "$RUNS"); do
  echo; echo "=== run $run/$RUNS"
  dropdb --if-exists "$DB" 2>/dev/null; createdb "$DB"

  # 1. The real schema: Vigil's own Flyway migrations, run by the packaged jar (its reclassify command
  #    migrates, finds nothing to do and exits). pgbench's table is then made LIKE Vigil's mention table.
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    java -jar target/quarkus-app/quarkus-run.jar reclassify > "$OUT/migrate-$run.log" 2>&1 \
    || { echo "Migrating $DB failed, see $OUT/migrate-$run.log"; exit 1; }
  psql -q -d "$DB" -v ON_ERROR_STOP=1 -f bench/pgbench-setup.sql

  #    PostgreSQL alone: one INSERT per transaction at the same concurrency, after a warm-up round.
  pgbench -n -c "$CONCURRENCY" -j "$THREADS" -T "$PGBENCH_WARMUP" -f bench/pgbench-insert.sql "$DB" > /dev/null
  pgbench_round pgbench_before

  # 2. Vigil, packaged, on the same database (its tables are in schema public, pgbench's in its own).
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" VIGIL_INTEGRATIONS_BENCH_SECRETS="$SECRET" \
    java -jar target/quarkus-app/quarkus-run.jar > "$OUT/app-$run.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "Vigil did not start, see $OUT/app-$run.log"; exit 1; }
    sleep 1
  done

  # 3. The load generator, both modes; it fails (and so does this script) if any delivery was not accepted.
  #    It prints MEASURE-START/END around each measured window; CPU use is sampled there.
  VIGIL_BENCH_SECRET="$SECRET" ./mvnw -q -B exec:java@load -Dexec.args="--url http://127.0.0.1:$HTTP_PORT \
    --integration bench --mode both --concurrency $CONCURRENCY --warmup ${WARMUP}s --duration ${DURATION}s" \
    | while IFS= read -r line; do
        echo "$line" | tee -a "$OUT/generator-$run.txt"
        case "$line" in
          MEASURE-START*) gen_pid=${line##*pid=}; before=$(snap "$APP_PID" "$gen_pid"); t0=$(date +%s.%N)
            jit0=$(jit_compilations "$APP_PID") ;;
          MEASURE-END*) after=$(snap "$APP_PID" "$gen_pid"); t1=$(date +%s.%N)
            # Steady state means the JIT has settled: few or no compilations while measuring.
            echo "jit ${line#MEASURE-END mode=}: $(( $(jit_compilations "$APP_PID") - jit0 )) JIT compilations" \
              "in the measured window" | tee -a "$OUT/cpu.txt"
            echo "${line#MEASURE-END mode=}|$before|$after|$(seconds_between "$t0" "$t1")" >> "$OUT/cpu-windows-$run.txt" ;;
        esac
      done
  while IFS='|' read -r mode before after seconds; do
    rate=$(grep "^RESULT mode=$mode " "$OUT/generator-$run.txt" | tr ' ' '\n' | awk -F= '$1 == "deliveries_per_s" {print $2}')
    cpu_report "vigil-$mode" "$rate" "$before" "$after" "$seconds" | tee -a "$OUT/cpu.txt"
  done < "$OUT/cpu-windows-$run.txt"
  grep '^RESULT' "$OUT/generator-$run.txt" | sed "s/^RESULT/run=$run/" >> "$OUT/results.txt"
  stop_app

  # 4. PostgreSQL alone again: the run's baseline is the mean of both rounds, so a change in what else
  #    runs on the machine during the run weighs on both sides of the ratio.
  pgbench_round pgbench_after

done

echo; echo "=== summary: median of $RUNS run(s); every figure in $OUT/results.txt, CPU use in $OUT/cpu.txt"
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
values() { grep -- "$1" "$OUT/results.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }
field() { values "$1" "$2" | median; }
ratios() { # per run: single-mention deliveries/s over the mean of that run's two pgbench rounds
  for r in $(seq 1 "$RUNS"); do
    grep "^run=$r " "$OUT/results.txt" | tr ' ' '\n' | awk -F= '
      $1 ~ /^pgbench_/ {pg += $2; n++} $1 == "mode" {m = $2} $1 == "deliveries_per_s" && m == "single" {s = $2}
      END {printf "%.2f\n", s / (pg / n)}'
  done
}
pg_all=$( (values pgbench_ pgbench_before; values pgbench_ pgbench_after) | median)
printf '%-37s %s  (rounds before Vigil: %s; after: %s)\n' "pgbench single-row inserts/s" "$pg_all" \
  "$(values pgbench_ pgbench_before | tr '\n' ' ')" "$(values pgbench_ pgbench_after | tr '\n' ' ')"
printf '%-37s %s  (runs: %s; p50 %s ms, p99 %s ms, max %s ms)\n' "single-mention deliveries/s" \
  "$(field mode=single deliveries_per_s)" "$(values mode=single deliveries_per_s | tr '\n' ' ')" \
  "$(field mode=single p50_ms)" "$(field mode=single p99_ms)" "$(field mode=single max_ms)"
printf '%-37s %s  (runs: %s; %s deliveries/s; p50 %s ms, p99 %s ms, max %s ms)\n' "500-mention deliveries: mentions/s" \
  "$(field mode=batch mentions_per_s)" "$(values mode=batch mentions_per_s | tr '\n' ' ')" \
  "$(field mode=batch deliveries_per_s)" "$(field mode=batch p50_ms)" "$(field mode=batch p99_ms)" "$(field mode=batch max_ms)"
printf '%-37s %s  (runs: %s; target >= 0.5)\n' "single deliveries / pgbench inserts" "$(ratios | median)" \
  "$(ratios | tr '\n' ' ')"
printf '%-37s %s\n' "batch mentions/s above 10,000" \
  "$(awk -v b="$(field mode=batch mentions_per_s)" 'BEGIN {print (b > 10000 ? "yes" : "no")}')"
dropdb --if-exists "$DB"
