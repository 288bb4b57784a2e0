#!/usr/bin/env bash
# Webhook-to-email latency of threats while ordinary mentions flow (BENCHMARKS.md, "Escalation").
# Needs the packaged app (./mvnw -B package -DskipTests), PostgreSQL on 127.0.0.1:5432 and free ports
# 18480 (Vigil), 18481 (its management port) and 2525 (the benchmark's own SMTP server).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-vigil_bench_escalation}
SECRET="whsec_$(openssl rand -base64 32)"
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_HTTP_PORT=18480 QUARKUS_MANAGEMENT_PORT=18481 VIGIL_INTEGRATIONS_BENCH_SECRETS="$SECRET" \
QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=2525 QUARKUS_MAILER_START_TLS=DISABLED \
VIGIL_ESCALATION_RECIPIENTS_P1=bench@vigil.test VIGIL_ESCALATION_TIERS_DELAY=PT1H \
  java -jar target/quarkus-app/quarkus-run.jar > target/escalation-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:18481/q/health/ready > /dev/null && break; sleep 1; done

./mvnw -q -B exec:java@escalation-latency -Dexec.args="--url http://127.0.0.1:18480 --integration bench \
  --secret $SECRET --smtp-port 2525 --threats ${THREATS:-200} --threat-rate ${THREAT_RATE:-4} \
  --ordinary-rate ${ORDINARY_RATE:-200}"
