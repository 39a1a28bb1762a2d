"""Near-duplicate copies as a Spark join: MinHash LSH banding without collecting to the driver.

Each document brings its signature and one key per band (computed in the executors, `lsh`).
Exploding (document, band key) rows and joining them with themselves yields the candidate pairs;
a pair is a copy when its estimated Jaccard similarity (share of equal MinHash values) reaches the
threshold. A copy points at its earliest near-duplicate: published first (undated last), then
first in the input.

Known limit: a band key shared by very many documents (e.g. thousands of identical boilerplate
pages) makes a large bucket whose pairs grow quadratically; such inputs are best filtered first.
"""

from __future__ import annotations

from claimdesk.scale.lsh import LshParams


def find_copies(docs, params: LshParams):
    """`docs`: DataFrame of id, position, published, signature, bands.
    Returns a DataFrame of document_id, copy_of, similarity (one row per copy)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    keyed = docs.select("id", F.explode("bands").alias("key"))
    pairs = (
        keyed.alias("a").join(keyed.alias("b"), on=F.col("a.key") == F.col("b.key"))
        .where(F.col("a.id") < F.col("b.id"))
        .select(F.col("a.id").alias("left"), F.col("b.id").alias("right"))
        .distinct()
    )
    meta = docs.select("id", "signature", "published", "position")
    a, b = meta.alias("a"), meta.alias("b")
    scored = (
        pairs.join(a, F.col("left") == F.col("a.id")).join(b, F.col("right") == F.col("b.id"))
        .select(
            F.col("a.id").alias("a_id"), F.col("b.id").alias("b_id"),
            _order_key("a").alias("a_key"), _order_key("b").alias("b_key"),
            (F.aggregate(
                F.zip_with("a.signature", "b.signature", lambda x, y: F.when(x == y, 1).otherwise(0)),
                F.lit(0), lambda acc, x: acc + x,
            ) / F.lit(params.num_perm)).alias("similarity"),
        )
        .where(F.col("similarity") >= F.lit(params.threshold))
    )
    a_first = F.col("a_key") < F.col("b_key")
    directed = scored.select(
        F.when(a_first, F.col("b_id")).otherwise(F.col("a_id")).alias("document_id"),
        F.when(a_first, F.col("a_id")).otherwise(F.col("b_id")).alias("copy_of"),
        F.when(a_first, F.col("a_key")).otherwise(F.col("b_key")).alias("original_key"),
        "similarity",
    )
    earliest = Window.partitionBy("document_id").orderBy("original_key", "copy_of")
    return (directed.withColumn("_rank", F.row_number().over(earliest)).where("_rank = 1")
            .select("document_id", "copy_of", F.col("similarity").cast("double").alias("similarity")))


def _order_key(alias: str):
    """Sortable: undated documents after dated ones, then by date, then by input position."""
    from pyspark.sql import functions as F

    published = F.col(f"{alias}.published")
    return F.struct(published.isNull().alias("undated"), published.alias("published"),
                    F.col(f"{alias}.position").alias("position"))
