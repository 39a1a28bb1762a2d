"""`claimdesk corroborate --full` gives exactly the stories of one pass over the same documents, whatever
the chunks and the order in which they were ingested and corroborated before (docs/corroboration.md
says why the incremental result can differ, and by how much)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from claimdesk.corroborate import corroborate
from claimdesk.models import Document
from claimdesk.store import Store
from claimdesk.store.stories import iter_stories
from ecbplus_support import line_claims
from system_programs import shared_files
from test_cli_exit_codes import claimdesk


def _arrivals(corpus_dir: Path) -> list[Document]:
    """PolNeAR articles of two busy months in file-name order, outlet by outlet, as a folder ingest
    reads them: publication dates jump back at each new outlet."""
    paths = sorted(p for p in shared_files(corpus_dir / "polnear" / "train" / "text", "*.txt", 100)
                   if p.stem.split("_")[1][:7] in ("2016-03", "2016-04"))[::3]
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    docs = []
    for i, p in enumerate(paths):
        outlet, day, _ = p.stem.split("_", 2)
        docs.append(Document.from_text(p.read_text(encoding="utf-8"), source=str(p), outlet=outlet,
                                       published=date.fromisoformat(day), ingested_at=t0 + timedelta(seconds=i)))
    return docs


def _snapshot(store: Store) -> list[tuple]:
    return sorted((s.id, s.text, s.status, s.independent_sources, s.first_seen,
                   tuple(sorted((m.claim, m.copy_of) for m in s.mentions)),
                   tuple((c.kind, c.detail, tuple(c.mentions)) for c in s.contradictions))
                  for s in iter_stories(store))


@pytest.mark.slow
def test_full_restores_the_one_pass_stories_after_out_of_order_chunks(corpus_dir, tmp_path):
    docs = _arrivals(corpus_dir)
    assert len(docs) >= 40
    assert any(b.published < a.published for a, b in zip(docs, docs[1:]))  # out of publication order

    one_pass = Store(f"sqlite:///{tmp_path / 'one.sqlite'}")
    for d in docs:
        one_pass.add_document(d, claims=line_claims(d, min_words=6))
    corroborate(one_pass)
    expected = _snapshot(one_pass)
    assert any(s[3] >= 2 for s in expected)  # stories told by several outlets

    chunked = Store(f"sqlite:///{tmp_path / 'chunked.sqlite'}")
    for start in range(0, len(docs), 9):
        for d in docs[start:start + 9]:
            chunked.add_document(d, claims=line_claims(d, min_words=6))
        corroborate(chunked)
    chunked.close()

    run = claimdesk("corroborate", "--db", f"sqlite:///{tmp_path / 'chunked.sqlite'}", "--full", "--quiet", cwd=tmp_path)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert _snapshot(Store(f"sqlite:///{tmp_path / 'chunked.sqlite'}")) == expected
