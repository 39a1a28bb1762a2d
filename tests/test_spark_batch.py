"""The Spark batch job on a real corpus slice gives what the single-machine pipeline gives.

30 PolNeAR articles from all seven outlets, plus an exact re-post and two edited near-duplicate
copies, run once through `claimdesk.pipeline.ingest` + `corroborate` and once through `run_batch`
on local[2] followed by `load_tables`; documents, findings, claims, copies and stories must agree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimdesk.corroborate import corroborate
from claimdesk.ingest import IngestOptions
from claimdesk.pipeline import ingest
from claimdesk.scale import BatchSettings, load_tables, run_batch
from claimdesk.store import Store
from claimdesk.store.stories import copies as stored_copies
from claimdesk.store.stories import iter_stories

from system_programs import require_shared_data

pytestmark = pytest.mark.spark


def _edit(text: str) -> str:
    """A syndicated re-post: a changed opening, one sentence dropped, a credit line added."""
    sentences = re.split(r"(?<=\.) ", text)
    kept = sentences[:3] + sentences[4:] if len(sentences) > 8 else sentences
    return "UPDATED: " + " ".join(kept) + "\n\n(Reporting by the wire desk; editing by staff.)\n"


@pytest.fixture(scope="module")
def corpus_slice(corpus_dir: Path, tmp_path_factory) -> Path:
    texts = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))
    if len(texts) < 840:
        require_shared_data("the 840 PolNeAR train texts are not in the corpus")
    chosen = texts[::28][:30]
    folder = tmp_path_factory.mktemp("slice")
    for t in chosen:
        (folder / t.name).symlink_to(t)
    # The same text again (a real file: links to one file are read once): one document, two sources.
    (folder / "zz-repost-of-first.txt").write_text(chosen[0].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz-copy-a.txt").write_text(_edit(chosen[3].read_text(encoding="utf-8")), encoding="utf-8")
    (folder / "zz-copy-b.txt").write_text(_edit(chosen[17].read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def spark_output(corpus_slice: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch")
    summary = run_batch([corpus_slice], out / "tables",
                        BatchSettings(master="local[2]", tmp_dir=out / "spark-tmp", shuffle_partitions=4))
    return out / "tables", summary


@pytest.fixture(scope="module")
def spark_store(spark_output, tmp_path_factory) -> Store:
    tables, _ = spark_output
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('loaded') / 'spark.sqlite'}")
    summary = load_tables(tables, store)
    assert summary.documents_new == 32 and summary.documents_seen == 0
    return store


@pytest.fixture(scope="module")
def single_store(corpus_slice: Path, tmp_path_factory) -> Store:
    """`claimdesk ingest` then `claimdesk corroborate`, in this process."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('single') / 'single.sqlite'}")
    report = ingest([corpus_slice], store, IngestOptions())
    assert report.documents_new == 32 and report.documents_seen == 1 and not report.rejected
    corroborate(store)
    return store


def test_summary_counts(spark_output):
    _, summary = spark_output
    assert summary.files == 33
    assert summary.documents == 32  # the re-post is the same document
    assert summary.claims > 300 and summary.rejected == []


def test_same_documents_and_sources(single_store, spark_store):
    single = {d.id: d for d in single_store.documents()}
    spark = {d.id: d for d in spark_store.documents()}
    assert set(single) == set(spark) and len(spark) == 32
    for doc_id, doc in single.items():
        assert spark[doc_id].model_dump(exclude={"ingested_at"}) == doc.model_dump(exclude={"ingested_at"})
        assert ([s["source"] for s in spark_store.document_sources(doc_id)]
                == [s["source"] for s in single_store.document_sources(doc_id)])
    reposted = [i for i in spark if len(spark_store.document_sources(i)) == 2]
    assert len(reposted) == 1


def test_same_claims_and_findings(single_store, spark_store):
    single_claims = sorted(single_store.claims(), key=lambda c: c.id)
    spark_claims = sorted(spark_store.claims(), key=lambda c: c.id)
    assert len(spark_claims) > 300
    assert spark_claims == single_claims
    for doc in single_store.documents():
        assert spark_store.findings_for(doc.id) == single_store.findings_for(doc.id)


def test_planted_copies_found_and_point_at_their_originals(spark_store, corpus_slice):
    by_source = {d.source: d.id for d in spark_store.documents()}
    originals = sorted(p for p in corpus_slice.glob("*.txt") if not p.name.startswith("zz-"))
    found = stored_copies(spark_store)
    assert found[by_source[str(corpus_slice / "zz-copy-a.txt")]] == by_source[str(originals[3])]
    assert found[by_source[str(corpus_slice / "zz-copy-b.txt")]] == by_source[str(originals[17])]
    assert len(found) == 2  # the other articles are distinct


def test_same_copies_as_the_single_machine_corroboration(single_store, spark_store):
    assert stored_copies(spark_store) == stored_copies(single_store)


def test_same_stories_as_the_single_machine_corroboration(single_store, spark_store):
    def stories(store: Store) -> dict:
        return {s.id: (s.status, s.independent_sources, sorted((m.claim, m.copy_of, m.origin and m.origin.model_dump()) for m in s.mentions))
                for s in iter_stories(store)}

    spark = stories(spark_store)
    assert spark and spark == stories(single_store)
    assert any(len(mentions) > 1 for _, _, mentions in spark.values())


INSTITUTION_CASES = [
    ("news.liverpool.ac.uk", None), (None, "https://www.fbi.gov/news/a"), ("www.nasa.gov", None),
    ("Reuters", "https://www.reuters.com/x"), ("tecake.in", None), ("www.gov.uk", None),
    ("University of Liverpool", None), ("x", "http://Police.UK/news"), ("nato.int", None), (None, None),
    ("https://www.harvard.edu/story/", None), ("edu-news.com", None), ("thegovernment.com", None),
]


def test_spark_knows_institutions_as_the_single_machine_does(spark_output):
    """The copy group's original is chosen by one order on both paths; its first part is this test."""
    from pyspark.sql import functions as F

    from claimdesk.outlets import is_institution
    from claimdesk.scale.copies import institution_column
    from claimdesk.scale.session import spark_session

    spark = spark_session("local[2]")  # the session the batch job left running
    frame = spark.createDataFrame(INSTITUTION_CASES, "outlet string, url string")
    found = [r["i"] for r in frame.select(institution_column(F.col("url"), F.col("outlet")).alias("i")).collect()]
    assert found == [is_institution(o, u) for o, u in INSTITUTION_CASES]
    assert sum(found) == 7
