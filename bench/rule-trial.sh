#!/usr/bin/env bash
# How long "try this rule" takes (POST /api/v1/escalation/rules/try) over a day of triaged mentions
# (BENCHMARKS.md, "Rule trial"). Needs the packaged app (./mvnw -B package -DskipTests), PostgreSQL on
# 127.0.0.1:5432, python3, and free ports 18490 (Vigil) and 18491 (its management port).
# Sends ORDINARY (default 1500, a multiple of 500, within 90 s) ordinary mentions and THREATS (default 500)
# threats, many of them near-identical, all aimed at one registered MP, so every history rule (repeat
# offender, pile-on, spike, campaign) has work; then tries the rules in force plus one rule RUNS (default 3) times.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-vigil_bench_rule_trial}
ORDINARY=${ORDINARY:-1500}
THREATS=${THREATS:-500}
BASE=http://127.0.0.1:18490
SECRET="whsec_$(openssl rand -base64 32)"
PASSWORD="bench-$(openssl rand -hex 12)"
WORK=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_HTTP_PORT=18490 QUARKUS_MANAGEMENT_PORT=18491 VIGIL_INTEGRATIONS_BENCH_SECRETS="$SECRET" \
VIGIL_ADMIN_PASSWORD="$PASSWORD" VIGIL_SECURITY_SECURE_COOKIES=false VIGIL_ESCALATION_TRANSPORT=mailbox \
VIGIL_ESCALATION_MAILBOX_DIRECTORY="$WORK/mailbox" \
  java -jar target/quarkus-app/quarkus-run.jar > target/rule-trial-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do curl -sf http://127.0.0.1:18491/q/health/ready > /dev/null && break; sleep 1; done

# An admin session and its CSRF token.
curl -sf -o /dev/null -c "$WORK/cookies" -d j_username=admin -d "j_password=$PASSWORD" "$BASE/j_security_check"
curl -sf -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" "$BASE/login"
CSRF=$(awk '$6 == "vigil-csrf" {print $7}' "$WORK/cookies")
api() { curl -sf -b "$WORK/cookies" -H "X-CSRF-Token: $CSRF" -H 'content-type: application/json' "$@"; }
api -o /dev/null -X POST "$BASE/api/v1/admin/mps" \
  -d '{"name": "Jane Doe", "accounts": [{"platform": "x", "handle": "@JaneDoeMP"}]}'

./mvnw -q -B exec:java@load -Dexec.args="--url $BASE --integration bench --secret $SECRET --mode batch \
  --concurrency 1 --warmup 0s --duration 90s --max-deliveries $((ORDINARY / 500))" > "$WORK/load.txt"

# Threats from many authors: a few wordings repeated with small changes (campaigns), the rest varied.
python3 - "$THREATS" "$WORK" <<'EOF'
import json, sys
count, work = int(sys.argv[1]), sys.argv[2]
openings = ["I will hurt you", "Someone should shoot you", "We are coming to kill you", "You will bleed for this"]
endings = ["tonight", "after the vote", "at your next surgery", "when you least expect it", "very soon"]
mentions = [{"platform": "x", "externalId": f"threat-{i}", "mpHandle": "@JaneDoeMP",
             "author": {"id": f"author-{i % 97}", "handle": f"@writer{i % 97}"},
             "text": f"@JaneDoeMP {openings[i % 4]} {endings[(i // 4) % 5]}" + ("" if i % 3 else f", traitor number {i}"),
             "postedAt": "2026-11-28T10:00:00Z"} for i in range(count)]
for part in range(0, count, 500):
    with open(f"{work}/threats-{part}.json", "w") as out:
        json.dump({"mentions": mentions[part:part + 500]}, out)
EOF
for file in "$WORK"/threats-*.json; do
  scripts/send-mention.sh "$BASE/api/v1/webhooks/bench/mentions" "$SECRET" "$file" 2>/dev/null | sed -n 1p
done
waiting() { psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM mention WHERE state <> 'TRIAGED'"; }
for _ in $(seq 1 600); do [ "$(waiting)" = 0 ] && break; sleep 1; done
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) || ' mentions triaged, ' || count(*) FILTER
  (WHERE cardinality(k.labels) > 0) || ' flagged' FROM mention m JOIN mention_classification k ON k.mention_id = m.id"

# The rules in force plus one rule, tried over the last day.
api "$BASE/api/v1/escalation/rules" | python3 -c '
import json, sys
rules = json.load(sys.stdin)["file"]
rules["rules"].append({"id": "bench-any-flagged", "when": {"flagged": True}, "priority": "P2"})
print(json.dumps({"days": 1, "file": rules}))' > "$WORK/draft.json"
for run in $(seq 1 "${RUNS:-3}"); do
  api -o "$WORK/report.json" -w "run $run: %{time_total} s\n" -X POST "$BASE/api/v1/escalation/rules/try" \
    --data-binary "@$WORK/draft.json"
done
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print("mentions looked at: %d (truncated: %s), escalations gained/lost: %d/%d"
      % (r["mentions"], r["truncated"], r["escalationsGained"], r["escalationsLost"]))
for rule in r["rules"]:
    print("  %s: %d now, %d with the draft" % (rule["ruleId"], rule["inForce"], rule["draft"]))' "$WORK/report.json"
