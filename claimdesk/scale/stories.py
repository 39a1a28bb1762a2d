"""Group claims into stories (placeholder until corroboration lands)."""

from __future__ import annotations

from claimdesk.scale import tables


def build_stories(spark, claims, documents, copies):  # noqa: ANN001
    stories = spark.createDataFrame([], tables.ddl(tables.STORY_COLUMNS))
    mentions = spark.createDataFrame([], tables.ddl(tables.MENTION_COLUMNS))
    return stories, mentions
