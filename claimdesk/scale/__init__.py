"""Scale out: the Spark batch job and loading its Parquet tables into a store.

    from claimdesk.scale import BatchSettings, run_batch, load_tables
    run_batch(["crawl/"], "out/", BatchSettings(master="local[2]"))
    load_tables("out/", open_store("postgresql://…"))

`job` runs ingest -> audit -> extract in the executors (through `claimdesk.pipeline`), finds
near-duplicate copies with a MinHash LSH banding join (`copies`), groups claims into stories
(`stories`) and writes the tables `tables` describes; `load` reads them back into records.
"""

from claimdesk.scale.job import BatchSettings, BatchSummary, run_batch
from claimdesk.scale.load import load_tables

__all__ = ["BatchSettings", "BatchSummary", "load_tables", "run_batch"]
