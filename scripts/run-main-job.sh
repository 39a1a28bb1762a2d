#!/usr/bin/env bash
# The main job of `make run`: ingest the bundled samples and a slice of the corpus into the
# embedded SQLite store, audit the sample article, corroborate, and print what was found.
# Every step runs even if one before it failed; the job exits 1 if any step could not run (exit
# code 2 or more, see the README's exit codes: 1, some inputs rejected, is reported, not a failure).
set -uo pipefail
shared=${1:-../shared}
db=${2:-sqlite:///claimdesk.sqlite}
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$repo/.venv/bin
sample="$shared/samples/sofrep-north-korean-deserters.txt"
slice=$(mktemp --suffix=.jsonl)
trap 'rm -f "$slice"' EXIT
failed=()

step() {  # run one command; remember it when it could not run
    "$@"
    local rc=$?
    if [ "$rc" -ge 2 ]; then
        failed+=("$(basename "$1") ${2:-} (exit $rc)")
    fi
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
if [ "$rc" -ge 2 ] && [ "$rc" -ne 141 ]; then  # 141: the ledger cut short by head, as meant
    failed+=("claimdesk ledger (exit $rc)")
fi
echo
echo "Next: claimdesk report --db $db --out report.html   or   claimdesk serve --db $db"
if [ ${#failed[@]} -gt 0 ]; then
    printf 'run-main-job: could not run: %s\n' "${failed[@]}" >&2
    exit 1
fi
