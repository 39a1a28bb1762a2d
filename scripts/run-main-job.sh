#!/usr/bin/env bash
# The main job of `make run`: ingest the bundled samples and a slice of the corpus into the
# embedded SQLite store, audit the sample article, corroborate, and print what was found.
# Every step runs even if one before it failed; the job exits with the highest code a step gave
# (the README's exit codes: 1 some inputs rejected, 2 bad usage, 3 could not run), each named on stderr.
set -uo pipefail
shared=${1:-../shared}
db=${2:-sqlite:///claimdesk.sqlite}
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$repo/.venv/bin
sample="$shared/samples/sofrep-north-korean-deserters.txt"
slice=$(mktemp --suffix=.jsonl)
trap 'rm -f "$slice"' EXIT
failed=()
worst=0

note() {  # remember a step that did not end with 0
    failed+=("$1 (exit $2)")
    if [ "$2" -gt "$worst" ]; then worst=$2; fi
}

step() {
    "$@"
    local rc=$?
    if [ "$rc" -ne 0 ]; then note "$(basename "$1") ${2:-}" "$rc"; fi
}

echo "== claimdesk audit: the sample article"
step "$bin/claimdesk" audit "$sample" --published 2024-10-16 --no-claims

echo
echo "== claimdesk ingest: samples and a slice of the corpus into $db"
step "$bin/python" "$repo/scripts/corpus_slice.py" "$shared/corpus" "$slice"
step "$bin/claimdesk" ingest --db "$db" --published 2024-10-16 --outlet SOFREP "$shared/samples/"
step "$bin/claimdesk" ingest --db "$db" "$slice"

echo
echo "== claimdesk corroborate"
step "$bin/claimdesk" corroborate --db "$db"

echo
echo "== claimdesk stats"
step "$bin/claimdesk" stats --db "$db"

echo
echo "== the ledger, stories with two or more independent outlets"
"$bin/claimdesk" ledger --db "$db" --format csv --min-sources 2 | head -n 12
rc=${PIPESTATUS[0]}
if [ "$rc" -ne 0 ] && [ "$rc" -ne 141 ]; then  # 141: the ledger cut short by head, as meant
    note "claimdesk ledger" "$rc"
fi
echo
echo "Next: claimdesk report --db $db --out report.html   or   claimdesk serve --db $db"
if [ ${#failed[@]} -gt 0 ]; then
    printf 'run-main-job: %s\n' "${failed[@]}" >&2
fi
exit "$worst"
