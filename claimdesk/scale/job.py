"""The Spark batch job: input files -> Parquet tables of documents, findings, claims, copies, stories.

The driver only lists the input files; reading, auditing, extracting and shingling run in
`mapPartitions` tasks (`partition`) and copies are a banding join (`copies`), in the executors.
Stories come from the corroboration engine run once on the driver (`stories` says why). Input
paths must be readable by every executor under the same name (a shared file system on a cluster;
always so in local mode).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Optional

from claimdesk.ingest import IngestOptions, iter_input_files
from claimdesk.scale import tables
from claimdesk.scale.copies import find_copies, institution_column
from claimdesk.scale.lsh import LshParams
from claimdesk.scale.partition import PROCESSED_COLUMNS, process_files
from claimdesk.scale.session import spark_session
from claimdesk.scale.stories import build_stories

MAX_REJECTED_SHOWN = 1000  # the rest are in the `rejected` table


@dataclass(frozen=True)
class BatchSettings:
    """How the batch job runs.

    >>> BatchSettings(master="local[2]").files_per_task
    16
    """

    master: str = "local[2]"
    with_claims: bool = True
    published: Optional[date] = None
    as_of: Optional[date] = None  # `IngestOptions.as_of`
    files_per_task: int = 16  # articles; a WARC file holds thousands, so use 1 for crawls
    shuffle_partitions: Optional[int] = None
    tmp_dir: Optional[Path] = None
    driver_memory: str = "2g"
    lsh: LshParams = field(default_factory=LshParams)
    spark_conf: dict[str, str] = field(default_factory=dict)


@dataclass
class BatchSummary:
    files: int = 0
    documents: int = 0
    findings: int = 0
    claims: int = 0
    copies: int = 0
    stories: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    seconds_stories: float = 0.0  # of `seconds`, the driver's corroboration (see `stories`)


def run_batch(paths: Iterable[Path | str], out_dir: Path | str, settings: BatchSettings = BatchSettings(),
              spark=None) -> BatchSummary:  # noqa: ANN001
    """Run the whole job and write one Parquet folder per table under `out_dir` (replacing them)."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    started = time.perf_counter()
    out = Path(out_dir)
    files = [str(f) for f in iter_input_files([Path(p) for p in paths])]
    summary = BatchSummary(files=len(files))
    spark = spark or spark_session(settings.master, settings.tmp_dir, settings.shuffle_partitions,
                                   settings.driver_memory, settings.spark_conf)
    sc = spark.sparkContext

    # At least two tasks per core, so a slow task does not leave a core idle at the end.
    slices = max(1, min(len(files), max(2 * sc.defaultParallelism, -(-len(files) // settings.files_per_task))))
    work = partial(process_files, options=IngestOptions(published=settings.published, as_of=settings.as_of),
                   with_claims=settings.with_claims, lsh=settings.lsh)
    processed_rdd = sc.parallelize(list(enumerate(files)), slices).mapPartitions(work)
    processed = spark.createDataFrame(processed_rdd, schema=tables.ddl(PROCESSED_COLUMNS))
    processed = processed.persist(StorageLevel.MEMORY_AND_DISK)

    # The same text read from several sources is one document; its first occurrence is kept whole.
    occurrences = processed.where(F.col("kind") == "document")
    first = Window.partitionBy(F.col("document.id")).orderBy("position")
    documents = (occurrences.withColumn("_rank", F.row_number().over(first)).where("_rank = 1").drop("_rank")
                 .persist(StorageLevel.MEMORY_AND_DISK))

    def write(name: str, frame) -> int:  # noqa: ANN001
        frame.write.mode("overwrite").parquet(str(out / name))
        return spark.read.parquet(str(out / name)).count()

    summary.documents = write("documents", documents.select("document.*", "position"))
    write("sources", occurrences.select(
        F.col("document.id").alias("document_id"), "document.source", "document.format", "document.url",
        "document.outlet", "document.ingested_at", "position",
    ).dropDuplicates(["document_id", "source"]))
    summary.findings = write("findings", documents.select(F.explode("findings").alias("f")).select("f.*"))
    summary.claims = write("claims", documents.select(F.explode("claims").alias("c")).select("c.*"))
    write("rejected", processed.where(F.col("kind") == "rejected").select(
        F.col("rejected_source").alias("source"), F.col("rejected_reason").alias("reason"),
        F.col("rejected_at").alias("at"), "position"))
    copies = find_copies(documents.select(F.col("document.id").alias("id"), "position",
                                          F.col("document.published").alias("published"),
                                          institution_column(F.col("document.url"), F.col("document.outlet"))
                                          .alias("institution"), "shingles", "signature", "bands"),
                         settings.lsh)
    summary.copies = write("copies", copies)

    summary.rejected = [(r["source"], r["reason"]) for r in
                        spark.read.parquet(str(out / "rejected")).orderBy("position").limit(MAX_REJECTED_SHOWN).collect()]
    processed.unpersist()
    documents.unpersist()

    stories_started = time.perf_counter()
    summary.stories = build_stories(out, Path(settings.tmp_dir or out) / "_corroborate")
    summary.seconds_stories = time.perf_counter() - stories_started
    summary.seconds = time.perf_counter() - started
    return summary
