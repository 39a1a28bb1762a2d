"""A SparkSession configured for claimdesk: no web UI, scratch files where we say, UTC."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional


def spark_session(
    master: str, tmp_dir: Optional[Path] = None, shuffle_partitions: Optional[int] = None,
    driver_memory: str = "2g", extra_conf: Optional[dict[str, str]] = None,
):
    """A new (or the running) SparkSession on `master` (`local[2]`, `spark://host:7077`, `yarn`, …).

    Executors run this interpreter's Python unless PYSPARK_PYTHON says otherwise, so in local mode
    they see the same installed claimdesk; on a cluster, claimdesk must be installed on the workers.
    """
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if shuffle_partitions is None:
        shuffle_partitions = _local_cores(master) * 2 if master.startswith("local") else 200
    builder = (
        SparkSession.builder.master(master).appName("claimdesk-batch")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", driver_memory)
        # Python workers are reused across tasks, so the spaCy model loads once per worker process.
        .config("spark.python.worker.reuse", "true")
    )
    if tmp_dir is not None:
        tmp_dir.mkdir(parents=True, exist_ok=True)
        builder = (builder.config("spark.local.dir", str(tmp_dir))
                   .config("spark.driver.extraJavaOptions", f"-Djava.io.tmpdir={tmp_dir}")
                   .config("spark.sql.warehouse.dir", str(tmp_dir / "warehouse")))
    for key, value in (extra_conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _local_cores(master: str) -> int:
    inside = master[master.find("[") + 1:master.find("]")] if "[" in master else "1"
    if inside in ("*", ""):
        return os.cpu_count() or 1
    return int(inside.split(",")[0])
