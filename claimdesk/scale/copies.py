"""Near-duplicate copies as Spark joins: MinHash LSH banding without collecting to the driver.

Each document brings its shingle hashes and one key per LSH band (computed in the executors,
`lsh`). Exploding (document, band key) rows and joining them with themselves yields the candidate
pairs; a pair passes a cheap filter on the containment estimated from the signatures, then is a
copy when the share of the smaller document's shingles found in the other (containment, on the
exact sets) reaches the threshold, as in `claimdesk.corroborate.copies`.
Copies that chain (A~B, B~C) form one group, found by propagating the smallest order key along
the pairs (a few join rounds: copy groups are small); every member points at the group's
earliest document: a page on an institution's own site first, then published first (undated
last), then first in the input, then smallest id.

Known limit: a band key shared by very many documents (thousands of identical boilerplate pages)
makes a bucket whose pairs grow quadratically; filter such inputs first.
"""

from __future__ import annotations

from claimdesk.outlets import INSTITUTION_HOST
from claimdesk.scale.lsh import LshParams

MAX_ROUNDS = 50


def find_copies(docs, params: LshParams):  # noqa: ANN001, ANN201
    """`docs`: DataFrame of id, position, published, institution, shingles, signature, bands (one per document).
    Returns a DataFrame of document_id, copy_of, similarity: one row per copy."""
    from pyspark.sql import functions as F

    edges = _verified_pairs(docs, params).persist()
    both_ways = edges.select(F.col("a").alias("src"), F.col("b").alias("dst"), "similarity").unionByName(
        edges.select(F.col("b").alias("src"), F.col("a").alias("dst"), "similarity"))
    keys = docs.select("id", _order_key().alias("key"))
    members = both_ways.select(F.col("src").alias("id")).distinct()
    labels = members.join(keys, "id")
    for _ in range(MAX_ROUNDS):
        offered = both_ways.join(labels.withColumnRenamed("id", "dst"), "dst").select(
            F.col("src").alias("id"), "key")
        updated = (labels.unionByName(offered).groupBy("id").agg(F.min("key").alias("key"))
                   .localCheckpoint())
        changed = updated.alias("n").join(labels.alias("o"), "id").where(F.col("n.key") != F.col("o.key")).count()
        labels = updated
        if changed == 0:
            break
    best = both_ways.groupBy(F.col("src").alias("id")).agg(F.max("similarity").alias("similarity"))
    result = (labels.where(F.col("key.id") != F.col("id"))
              .join(best, "id")
              .select(F.col("id").alias("document_id"), F.col("key.id").alias("copy_of"),
                      F.col("similarity").cast("double").alias("similarity")))
    return result


def _verified_pairs(docs, params: LshParams):  # noqa: ANN001, ANN202
    """(a, b, similarity) with a < b, for every candidate pair whose containment is high enough."""
    from pyspark.sql import functions as F

    keyed = docs.select("id", F.explode("bands").alias("key"))
    pairs = (
        keyed.alias("x").join(keyed.alias("y"), on=F.col("x.key") == F.col("y.key"))
        .where(F.col("x.id") < F.col("y.id"))
        .select(F.col("x.id").alias("a"), F.col("y.id").alias("b"))
        .distinct()
    )
    sets = docs.select("id", "shingles", "signature", F.size("shingles").alias("n"))
    sa, sb = sets.alias("sa"), sets.alias("sb")
    smaller = F.least(F.col("sa.n"), F.col("sb.n"))
    # Jaccard estimated from the signatures (share of equal MinHash values), turned into an
    # estimated containment: a cheap filter before intersecting the exact shingle sets.
    jaccard = F.aggregate(F.zip_with("sa.signature", "sb.signature", lambda x, y: (x == y).cast("int")),
                          F.lit(0), lambda acc, x: acc + x) / F.lit(params.num_perm)
    estimate = jaccard * (F.col("sa.n") + F.col("sb.n")) / (1 + jaccard) / smaller
    return (
        pairs.join(sa, F.col("a") == F.col("sa.id")).join(sb, F.col("b") == F.col("sb.id"))
        .where(estimate >= F.lit(params.min_estimate))
        .select("a", "b", (F.size(F.array_intersect("sa.shingles", "sb.shingles")) / smaller).alias("similarity"))
        .where(F.col("similarity") >= F.lit(params.min_containment))
    )


def institution_column(url, outlet):  # noqa: ANN001, ANN201
    """`claimdesk.outlets.is_institution` as a column: the host of the URL, else the outlet as a host."""
    from pyspark.sql import functions as F

    url_host = F.regexp_extract(F.lower(F.trim(url)), r"^[a-z][a-z0-9+.-]*://([^/:?#@]+)", 1)
    outlet_host = F.regexp_replace(F.regexp_replace(F.lower(F.trim(outlet)), r"^[a-z][a-z0-9+.-]*://", ""),
                                   r"^www\.|[/:?#].*$", "")
    host = F.when(F.coalesce(url_host, F.lit("")).contains("."), url_host).otherwise(F.coalesce(outlet_host, F.lit("")))
    return F.regexp_replace(host, r"\.$", "").rlike(INSTITUTION_HOST)


def _order_key():  # noqa: ANN202
    """Sortable as `claimdesk.corroborate.copies.order_key`: a page on an institution's own site first,
    then by publication date (undated last), then input position, then id."""
    from pyspark.sql import functions as F

    return F.struct((~F.col("institution")).alias("not_institution"), F.coalesce(F.col("published"), F.lit("9999-12-31").cast("date")).alias("published"),
                    F.col("position").alias("position"), F.col("id").alias("id"))
