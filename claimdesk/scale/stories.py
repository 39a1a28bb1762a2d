"""Claims into stories for the batch job: the corroboration engine, run once on the driver.

Story grouping (`claimdesk.corroborate`) is an online algorithm: documents join event clusters in
publication order and claims join the most similar story of their cluster, with corpus-wide term
weights that grow as it goes. Splitting it over executors would change its answers, so the job
runs it as one process, on the driver, over a scratch SQLite store filled from the tables the
executors wrote (documents, claims; never findings), in input order. It streams: corroboration
works in batches of documents and the stories are written out in pages, so the driver's memory is
bounded; its time is the limit the scaling notes (`docs/scaling.md`) measure.
"""

from __future__ import annotations

from pathlib import Path

from claimdesk.scale import tables
from claimdesk.scale.load import LoadSummary, load_documents
from claimdesk.store import Store
from claimdesk.store.stories import all_origins, count_stories, iter_stories

PAGE = 1000

_ARROW = {"string": "string", "int": "int32", "date": "date32", "double": "float64"}


def _arrow_schema(columns: list[tuple[str, str]]):  # noqa: ANN202
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, _ARROW[kind])()) for name, kind in columns])


def build_stories(out_dir: Path, scratch_dir: Path) -> int:
    """Write the `stories` and `story_mentions` tables under `out_dir`; return the story count."""
    import pyarrow.parquet as pq

    from claimdesk.corroborate import corroborate  # scikit-learn loads on the driver only, not in executors

    scratch_dir.mkdir(parents=True, exist_ok=True)
    db = scratch_dir / "corroborate.sqlite"
    for leftover in scratch_dir.glob("corroborate.sqlite*"):
        leftover.unlink()
    store = Store(f"sqlite:///{db}")
    try:
        load_documents(out_dir, store, LoadSummary(), with_findings=False, restamp=True)
        corroborate(store)
        total = count_stories(store)
        for name, columns in (("stories", tables.STORY_COLUMNS), ("story_mentions", tables.MENTION_COLUMNS),
                              (tables.ORIGINS, tables.ORIGIN_COLUMNS)):
            (out_dir / name).mkdir(parents=True, exist_ok=True)
            for old in (out_dir / name).glob("*"):
                old.unlink()
        with pq.ParquetWriter(out_dir / "stories" / "part-00000.parquet", _arrow_schema(tables.STORY_COLUMNS)) as sw, \
             pq.ParquetWriter(out_dir / "story_mentions" / "part-00000.parquet",
                              _arrow_schema(tables.MENTION_COLUMNS)) as mw:
            for offset in range(0, max(total, 1), PAGE):
                page = list(iter_stories(store, limit=PAGE, offset=offset))
                _write(sw, tables.STORY_COLUMNS, [tables.story_row(s) for s in page])
                _write(mw, tables.MENTION_COLUMNS,
                       [(s.id, m.claim, m.document, m.copy_of) for s in page for m in s.mentions])
        _write_origins(out_dir, store)
        return total
    finally:
        store.close()
        for leftover in scratch_dir.glob("corroborate.sqlite*"):
            leftover.unlink()
        if not any(scratch_dir.iterdir()):
            scratch_dir.rmdir()


def _write_origins(out_dir: Path, store: Store) -> None:
    import pyarrow.parquet as pq

    found = [tables.origin_row(doc, seq, o) for doc, origins in all_origins(store).items() for seq, o in enumerate(origins)]
    with pq.ParquetWriter(out_dir / tables.ORIGINS / "part-00000.parquet", _arrow_schema(tables.ORIGIN_COLUMNS)) as ow:
        _write(ow, tables.ORIGIN_COLUMNS, found)


def _write(writer, columns: list[tuple[str, str]], rows: list[tuple]) -> None:  # noqa: ANN001
    import pyarrow as pa

    if not rows:
        return
    arrays = {name: [r[i] for r in rows] for i, (name, _) in enumerate(columns)}
    writer.write_table(pa.table(arrays, schema=writer.schema))
