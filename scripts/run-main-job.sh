#!/usr/bin/env bash
# The main job of `make run`: ingest the bundled samples and a slice of the corpus into the
# embedded SQLite store, audit the sample article, corroborate, and print what was found.
set -uo pipefail
shared=${1:-../shared}
db=${2:-sqlite:///claimdesk.sqlite}
bin=.venv/bin
sample="$shared/samples/sofrep-north-korean-deserters.txt"
slice=$(mktemp --suffix=.jsonl)
trap 'rm -f "$slice"' EXIT

echo "== claimdesk audit: the sample article"
$bin/claimdesk audit "$sample" --published 2024-10-16 --no-claims

echo
echo "== claimdesk ingest: samples and a slice of the corpus into $db"
$bin/python scripts/corpus_slice.py "$shared/corpus" "$slice"
$bin/claimdesk ingest --db "$db" --published 2024-10-16 --outlet SOFREP "$shared/samples/"
$bin/claimdesk ingest --db "$db" "$slice"

echo
echo "== claimdesk corroborate"
$bin/claimdesk corroborate --db "$db"

echo
echo "== claimdesk stats"
$bin/claimdesk stats --db "$db"

echo
echo "== the ledger, stories with two or more independent outlets"
$bin/claimdesk ledger --db "$db" --format csv --min-sources 2 | head -n 12
echo
echo "Next: claimdesk report --db $db --out report.html   or   claimdesk serve --db $db"
