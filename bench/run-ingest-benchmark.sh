#!/usr/bin/env bash
# Ingest benchmark: PostgreSQL's own single-row insert rate (pgbench) and Vigil's webhook ingest rate
# (single-mention and 500-mention deliveries), measured in the same run on a fresh database each round.
# Needs: Java 17, psql/createdb/dropdb/pgbench, curl, a PostgreSQL reachable with PGHOST/PGPORT/PGUSER.
# Usage: bench/run-ingest-benchmark.sh        (knobs below as environment variables)
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-vigil_bench}"
HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
CONCURRENCY="${BENCH_CONCURRENCY:-4}"
WARMUP="${BENCH_WARMUP:-10}"        # seconds, excluded from every figure
DURATION="${BENCH_DURATION:-20}"    # seconds measured, for pgbench and for each generator mode
RUNS="${BENCH_RUNS:-3}"
OUT="${BENCH_OUT:-target/bench}"
THREADS=$(( CONCURRENCY < 2 ? CONCURRENCY : 2 ))
SECRET="whsec_$(head -c 32 /dev/urandom | base64)"
APP_PID=""

mkdir -p "$OUT"

# CPU accounting (Linux /proc): clock ticks used so far by the whole machine, the app, the client
# (load generator JVM or pgbench) and all postgres processes; the rest is other processes and interrupts.
snap() { # snap APP_PID CLIENT_PID -> "busy app client postgres"
  { head -1 /proc/stat; cat /proc/[0-9]*/stat 2>/dev/null; } | awk -v app="$1" -v client="$2" '
    NR == 1 { for (i = 2; i <= 9; i++) if (i != 5 && i != 6) busy += $i; next }
    { rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); t = f[12] + f[13]
      comm = $0; sub(/^[0-9]+ \(/, "", comm); sub(/\) .*$/, "", comm)
      if ($1 == app) a += t; else if ($1 == client || comm == "pgbench") c += t; else if (comm == "postgres") p += t }
    END { print busy + 0, a + 0, c + 0, p + 0 }'
}
# cpu_report LABEL OPS_PER_SECOND "BEFORE" "AFTER" SECONDS: cores used by each part and CPU ms per operation.
cpu_report() {
  awk -v label="$1" -v rate="$2" -v s="$5" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" -v b="$3" -v e="$4" 'BEGIN {
    split(b, x, " "); split(e, y, " ")
    busy = (y[1] - x[1]) / hz; app = (y[2] - x[2]) / hz; cl = (y[3] - x[3]) / hz; pg = (y[4] - x[4]) / hz
    other = busy - app - cl - pg; if (other < 0) other = 0
    printf "cpu %s: machine %.0f%% of %d cores busy; cores used: app %.2f, client %.2f, postgres %.2f, other %.2f", \
      label, 100 * busy / s / cores, cores, app / s, cl / s, pg / s, other / s
    if (rate > 0) printf "; CPU ms per op: app %.3f, client %.3f, postgres %.3f", \
      1000 * app / s / rate, 1000 * cl / s / rate, 1000 * pg / s / rate
    printf "\n" }'
}
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  echo "Building (package compiles the load generator too)..."
  ./mvnw -q -B package -DskipTests
fi

echo "Machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $(java -version 2>&1 | head -1)"
echo "PostgreSQL: $(psql -d postgres -Atc 'SHOW server_version'), synchronous_commit=$(psql -d postgres -Atc 'SHOW synchronous_commit'), fsync=$(psql -d postgres -Atc 'SHOW fsync'), wal_sync_method=$(psql -d postgres -Atc 'SHOW wal_sync_method')"
echo "Concurrency $CONCURRENCY, warm-up ${WARMUP}s, measured ${DURATION}s, $RUNS run(s)"

: > "$OUT/results.txt"; : > "$OUT/cpu.txt"; rm -f "$OUT"/cpu-windows-*.txt "$OUT"/generator-*.txt
for run in $(seq 1 "$RUNS"); do
  echo; echo "=== run $run/$RUNS"
  dropdb --if-exists "$DB"; createdb "$DB"

  # 1. PostgreSQL alone: one INSERT per transaction, same concurrency; a warm-up round first.
  psql -q -d "$DB" -v ON_ERROR_STOP=1 -f bench/pgbench-setup.sql
  pgbench -n -c "$CONCURRENCY" -j "$THREADS" -T "$WARMUP" -f bench/pgbench-insert.sql "$DB" > /dev/null
  pgbench -n -c "$CONCURRENCY" -j "$THREADS" -T "$DURATION" -f bench/pgbench-insert.sql "$DB" > "$OUT/pgbench-$run.txt" 2>&1 &
  PGBENCH_PID=$!
  sleep 1; before=$(snap 0 0); t0=$(date +%s.%N)
  sleep $(( DURATION - 2 )); after=$(snap 0 0); t1=$(date +%s.%N)
  wait "$PGBENCH_PID" || { cat "$OUT/pgbench-$run.txt"; exit 1; }
  tps=$(awk '/^tps = / {print $3}' "$OUT/pgbench-$run.txt")
  failed=$(awk '/number of failed transactions/ {print $5}' "$OUT/pgbench-$run.txt")
  echo "pgbench: $tps inserts/s ($failed failed)"
  cpu_report pgbench "$tps" "$before" "$after" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" | tee -a "$OUT/cpu.txt"
  echo "run=$run pgbench_tps=$tps" >> "$OUT/results.txt"

  # 2. Vigil, packaged, on the same database (its tables are in schema public, pgbench's in its own).
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$HTTP_PORT" VIGIL_INTEGRATIONS_BENCH_SECRETS="$SECRET" \
    java -jar target/quarkus-app/quarkus-run.jar > "$OUT/app-$run.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "Vigil did not start, see $OUT/app-$run.log"; exit 1; }
    sleep 1
  done

  # 3. The load generator, both modes; it fails (and so does this script) if any delivery was not accepted.
  VIGIL_BENCH_SECRET="$SECRET" ./mvnw -q -B exec:java -Dexec.args="--url http://127.0.0.1:$HTTP_PORT \
    --integration bench --mode both --concurrency $CONCURRENCY --warmup ${WARMUP}s --duration ${DURATION}s" \
    | while IFS= read -r line; do
        echo "$line" | tee -a "$OUT/generator-$run.txt"
        case "$line" in
          MEASURE-START*) gen_pid=${line##*pid=}; before=$(snap "$APP_PID" "$gen_pid"); t0=$(date +%s.%N) ;;
          MEASURE-END*) after=$(snap "$APP_PID" "$gen_pid"); t1=$(date +%s.%N)
                        echo "${line#MEASURE-END }|$before|$after|$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" >> "$OUT/cpu-windows-$run.txt" ;;
        esac
      done
  while IFS='|' read -r mode before after seconds; do
    m=${mode#mode=}
    rate=$(grep "^RESULT mode=$m " "$OUT/generator-$run.txt" | tr ' ' '\n' | awk -F= '$1 == "deliveries_per_s" {print $2}')
    cpu_report "vigil-$m" "$rate" "$before" "$after" "$seconds" | tee -a "$OUT/cpu.txt"
  done < "$OUT/cpu-windows-$run.txt"
  grep '^RESULT' "$OUT/generator-$run.txt" | sed "s/^RESULT/run=$run/" >> "$OUT/results.txt"
  stop_app
done

# Summary: median over runs of each figure.
echo; echo "=== summary (median of $RUNS run(s); all runs in $OUT/results.txt)"
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }
field() { grep -- "$1" "$OUT/results.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}' | median; }
pg=$(field pgbench_tps pgbench_tps)
single=$(field mode=single deliveries_per_s)
batch=$(field mode=batch mentions_per_s)
printf '%-34s %s\n' "pgbench single-row inserts/s" "$pg"
printf '%-34s %s  (p50 %s ms, p99 %s ms, max %s ms)\n' "single-mention deliveries/s" "$single" \
  "$(field mode=single p50_ms)" "$(field mode=single p99_ms)" "$(field mode=single max_ms)"
printf '%-34s %s  (%s deliveries/s; p50 %s ms, p99 %s ms, max %s ms)\n' "500-mention batches: mentions/s" "$batch" \
  "$(field mode=batch deliveries_per_s)" "$(field mode=batch p50_ms)" "$(field mode=batch p99_ms)" "$(field mode=batch max_ms)"
awk -v s="$single" -v p="$pg" 'BEGIN {printf "%-34s %.2f  (target >= 0.5)\n", "single deliveries / pgbench inserts", s / p}'
awk -v b="$batch" 'BEGIN {printf "%-34s %s\n", "batch mentions/s > 10,000", (b > 10000 ? "yes" : "no")}'
dropdb --if-exists "$DB"
