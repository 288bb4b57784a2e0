#!/usr/bin/env bash
# Sends one signed mention to Vigil's webhook (Standard Webhooks signature), and prints the answer.
#   scripts/send-mention.sh URL SECRET [BODY_FILE]
# URL    e.g. http://localhost:8080/api/v1/webhooks/demo/mentions
# SECRET the integration's secret, whsec_<base64>
# BODY_FILE a JSON mention or {"mentions": [...]}; default: a sample mention of @JaneDoeMP on x.
# WEBHOOK_ID reuses a message id (a retry); by default every call gets a new one.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
url=$1
secret=$2
id=${WEBHOOK_ID:-msg_$(date +%s%N)}
ts=$(date +%s)
if [ $# -ge 3 ]; then
  body=$(cat "$3")
else
  body='{"platform":"x","externalId":"demo-'"$id"'","mpHandle":"@JaneDoeMP","author":{"id":"998877","handle":"@someone","displayName":"Some One"},"text":"Hello from the Vigil demo","url":"https://x.com/someone/status/1","postedAt":"2026-11-28T10:00:00Z"}'
fi
key=$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
signature=$(printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | base64 | tr -d '\n')
echo "webhook-id: $id" >&2
curl -sS -i "$url" \
  -H 'content-type: application/json' \
  -H "webhook-id: $id" \
  -H "webhook-timestamp: $ts" \
  -H "webhook-signature: v1,$signature" \
  --data-binary "$body"
echo
