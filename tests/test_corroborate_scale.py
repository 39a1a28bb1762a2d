"""What keeps corroboration's cost per document flat gives the results it gave before: contradictions
found with each mention's facts worked out once equal the pair-by-pair comparison, on claims the
real extractor takes from real articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimdesk.corroborate.contradictions import (
    Evidence, date_conflict, denial_links, find, is_denial, number_conflict, place_conflict,
)
from claimdesk.models import Contradiction, Document
from system_programs import shared_files

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corroborate"


def _pairwise(evidence: list[Evidence]) -> list[Contradiction]:
    """`find` as it was written before (every pair, each check on the claims themselves)."""
    asserted = [e for e in evidence if e.claim.polarity == "asserted" and not is_denial(e.claim)]
    out: list[Contradiction] = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(asserted):
        for b in asserted[i + 1:]:
            if a.source == b.source:
                continue
            for check in (number_conflict, date_conflict, place_conflict):
                found = check(a.claim, b.claim)
                if found and (found.kind, found.detail) not in seen:
                    seen.add((found.kind, found.detail))
                    out.append(found.between(a.claim, b.claim))
    for d in evidence:
        if is_denial(d.claim):
            out.extend(denial_links(d.claim, [a.claim for a in asserted]))
    return out


@pytest.fixture(scope="module")
def extracted(samples_dir, corpus_dir):  # noqa: ANN201
    from claimdesk.extraction import extract

    paths = [samples_dir / "sofrep-north-korean-deserters.txt", FIXTURES / "kyiv-monitor-north-korean-officers.txt"]
    paths += shared_files(corpus_dir / "polnear" / "dev" / "text", "*.txt", 6)[:6]
    out = []
    for k, p in enumerate(paths):
        doc = Document.from_text(p.read_text(encoding="utf-8"), source=str(p), outlet=f"outlet-{k}",
                                 published=date(2024, 10, 16))
        out.extend(extract(doc))
    return out


@pytest.mark.slow
def test_contradictions_equal_the_pairwise_comparison_on_extracted_claims(extracted):
    with_facts = [c for c in extracted if c.quantities or c.when or c.places]
    assert len(with_facts) >= 30, "the articles should give claims with numbers, dates and places"
    # stories of up to 50 mentions, as grouping bounds them; sources cycle so some pairs share one
    for size, n_sources in ((50, 7), (50, 2), (12, 3)):
        for start in range(0, len(extracted), size):
            claims = extracted[start:start + size]
            evidence = [Evidence(c, f"outlet:{k % n_sources}") for k, c in enumerate(claims)]
            assert find(evidence) == _pairwise(evidence)
    mixed = [Evidence(c, f"outlet:{k % 5}") for k, c in enumerate(with_facts[:50])]
    found = find(mixed)
    assert found == _pairwise(mixed)
    assert {c.kind for c in found} & {"number", "date", "place"}, "a mix of articles should disagree somewhere"
