"""Tables of the claimdesk store, in SQLAlchemy Core so one schema serves SQLite and PostgreSQL.

Every table of claimdesk is declared here; `migrations.py` names, for each migration, the tables it
creates. Nested parts of a record (attribution, places, quantities, …) are kept as JSON columns:
they are always read together with their row and never queried on their own.
"""

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table,
    Text, UniqueConstraint,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("outlet", String(300)),
    Column("url", Text),
    # the outlet's domain for a page stored without its address (`outlet_sites`); NULL otherwise, and
    # for a document stored before migration 18 until the migration fills it
    Column("site", String(253)),
    Column("title", Text),
    Column("author", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # [[start, end], …] of site furniture in `text`; NULL for a document stored before migration 6
    Column("furniture", JSON),
    # {"published_at": ISO time, "posts": [[start, end, ISO time], …]}: the page's and its live posts' times;
    # NULL when the page gives none, or for a document stored before migration 17
    Column("times", JSON),
    Index("ix_documents_outlet", "outlet"),
    Index("ix_documents_published", "published"),
)

# The web domain of each site name ("Pivdenna Khvylia" -> pkhvylia.com.ua) as its pages with an address
# give it, so a page of the outlet saved without one counts as the same outlet; site NULL: the name's
# pages are on two domains, and a page without an address keeps the name as its identity.
outlet_sites = Table(
    "outlet_sites", metadata,
    Column("outlet", String(300), primary_key=True),
    Column("site", String(253)),
)

document_sources = Table(
    "document_sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("source", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("url", Text),
    Column("outlet", String(300)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "source", name="uq_document_source"),
)

# Which lines (by key: a hash of the folded line, never its text) each outlet printed on which of
# its pages: a line on REPEATED_PAGES pages of one outlet is evidence of site furniture. `counted`
# says whether the page's furniture was decided knowing the line as repeated; rows still false once
# the line reaches the bar are pages whose furniture must be decided again.
outlet_lines = Table(
    "outlet_lines", metadata,
    Column("outlet", String(300), primary_key=True),
    Column("line_key", String(16), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("counted", Boolean, nullable=False),
    Index("ix_outlet_lines_document", "document_id"),
)

links = Table(
    "links", metadata,
    Column("url", Text, primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("outlet", String(300)),
    Column("published", Date),
)

rejected = Table(
    "rejected", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "reason", name="uq_rejected_source_reason"),
)

findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("line", Integer, nullable=False),
    Column("end_line", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("related", JSON),
    Index("ix_findings_document", "document_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("line", Integer, nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("actors", JSON, nullable=False),
    Column("attribution", JSON, nullable=False),
    Column("hedges", JSON, nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("when", JSON),
    Column("places", JSON, nullable=False),
    Column("quantities", JSON, nullable=False),
    Column("checkworthiness", Float, nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("setting", JSON),
    Index("ix_claims_document", "document_id"),
)

document_copies = Table(
    "document_copies", metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("copy_of", String(64), ForeignKey("documents.id"), nullable=False),
    Column("similarity", Float, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", String(64), primary_key=True),
    Column("text", Text, nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("status", String(32), nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("informativeness", Float, nullable=False, server_default="0"),
    Column("first_seen", Date),
    Column("when", JSON),
    Column("places", JSON, nullable=False),
    Column("contradictions", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_stories_status", "status"),
    Index("ix_stories_first_seen", "first_seen"),
)

story_mentions = Table(
    "story_mentions", metadata,
    Column("claim_id", String(64), ForeignKey("claims.id"), primary_key=True),
    Column("story_id", String(64), ForeignKey("stories.id"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("copy_of", String(64)),
    Index("ix_story_mentions_story", "story_id"),
)

# Who wrote a document's words when not its own outlet (a wire, an earlier document it copies or
# shares a passage with): rows per document, written by corroboration, read by the ledger.
# span_start/span_end null: the whole document.
document_origins = Table(
    "document_origins", metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("outlet", String(300), nullable=False),
    Column("outlet_key", String(300), nullable=False),
    Column("why", Text, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("source_document", String(64)),
)

# "Reviewed" marks from before users and the review log (migration 5 created it; migration 10 turns
# its rows into log entries and reviews).
story_reviews = Table(
    "story_reviews", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=False, default=""),
)

# -- the analyst's desk: users, the review log, pinned mentions, each reviewed story's state ---------
# (created on older databases by migration 9; migration 1 creates them on a new one)

# People who may write. Only a hash of each token is kept: the token itself is shown once, by
# `claimdesk users add`, and a stolen database gives no way to write.
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Every correction, appended and never rewritten (migration 9 adds triggers that refuse UPDATE and
# DELETE). `before`/`after` are JSON snapshots of what the action changed.
review_log = Table(
    "review_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_name", String(100), nullable=False),
    Column("action", String(16), nullable=False),
    Column("story_id", String(64), nullable=False),
    Column("claim_id", String(64)),
    Column("before", JSON, nullable=False),
    Column("after", JSON, nullable=False),
    Column("note", Text, nullable=False),
)

# Which stories an entry concerns (a merge names all of them, a move its source and target).
review_log_stories = Table(
    "review_log_stories", metadata,
    Column("log_id", Integer, primary_key=True),
    Column("story_id", String(64), primary_key=True),
    Index("ix_review_log_stories_story", "story_id"),
)

# Manual membership: a claim pinned to the story (by its stable id) a reviewer left it in.
# Corroboration applies these after grouping, so a merge or a move outlives `corroborate --full`.
review_pins = Table(
    "review_pins", metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("story_id", String(64), nullable=False),
    Column("log_id", Integer, nullable=False),
    Index("ix_review_pins_story", "story_id"),
)

# The current review of a story: the reviewer's status (null: the machine's stands), the last
# note and reviewer, the machine's own status, and the evidence the story had when last reviewed
# (`baseline`) against which new evidence is flagged (`changes`). `synced_row_at` is the stories
# row's updated_at when its machine status was last read: a later one means corroboration rewrote it.
review_state = Table(
    "review_state", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("status", String(32)),
    Column("reason", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("user_name", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("machine_status", String(32)),
    Column("baseline", JSON, nullable=False),
    Column("changes", JSON, nullable=False),
    Column("synced_row_at", DateTime(timezone=True)),
)

# One row per place of a story (the `places` JSON of `stories`, seq its position there), so the
# place filter compares names, not serialised JSON. Written only by the triggers of migration 14
# (claimdesk/store/search.py), which follow every insert, update and delete of a story.
story_places = Table(
    "story_places", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("name", Text),
    Column("country", Text),
)

# -- corroboration state (read and written through `claimdesk.store.corroboration`) ------------------

# One row per document already corroborated, with its MinHash signature and its event cluster.
corroborated_documents = Table(
    "corroborated_documents", metadata,
    Column("document_id", String(64), primary_key=True),
    Column("cluster_id", String(64), nullable=False, index=True),
    Column("minhash", LargeBinary, nullable=False),
    Column("shingles", Integer, nullable=False),
    Column("done_at", DateTime(timezone=True), nullable=False),
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("id", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    # summed (unnormalised) term vectors, pruned to their heaviest terms: {"i": [...], "v": [...]}
    Column("terms", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("norm2", Float, nullable=False),
    Column("entity_norm2", Float, nullable=False),
)

story_state = Table(
    "story_state", metadata,
    Column("story_id", String(64), primary_key=True),
    # summed vectors of the story's asserted claims: int32 term ids, then float64 weights
    Column("vector", LargeBinary, nullable=False),
    Column("norm2", Float, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("lead", LargeBinary, nullable=False),  # the lead claim: a Claim record as JSON (read only when needed)
    Column("countries", JSON, nullable=False),
    Column("continued_by", String(64)),
)

# Corpus statistics (document frequencies of hashed terms) for IDF weights, by key.
corroboration_meta = Table(
    "corroboration_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", LargeBinary, nullable=False),
)

# What corroboration changed, run by run (migration 11): each run that corroborates documents is a
# row of corroboration_runs; story_snapshots keeps, per story, what the last run saw (status, the
# independent sources it counted, its contradictions), and the difference a run makes to a snapshot
# is appended to story_changes, never rewritten. `claimdesk digest` reads story_changes.
# No foreign key to stories: `corroborate --full` deletes and rewrites stories, the record stays.
corroboration_runs = Table(
    "corroboration_runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("full", Boolean, nullable=False),
    Column("documents", Integer, nullable=False, server_default="0"),
)

story_snapshots = Table(
    "story_snapshots", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("status", String(32), nullable=False),
    Column("independent_sources", Integer, nullable=False),
    # sorted source keys ("outlet:reuters.com"); NULL for a story snapshotted by migration 11 from
    # its row, which does not say which sources it counted
    Column("sources", JSON),
    Column("contradictions", JSON, nullable=False),  # [{"key", "kind", "detail"}, …]
    Column("run_id", Integer),
)

story_changes = Table(
    "story_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("story_id", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("detail", Text, nullable=False),
    Index("ix_story_changes_at", "at"),
    Index("ix_story_changes_story", "story_id"),
)

# What people follow (migration 13): a story by id, or every story naming an actor, a place or a
# search term. `follower` is the user who follows ("" for the desk as a whole).
follows = Table(
    "follows", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("follower", String(200), nullable=False, server_default=""),
    Column("kind", String(16), nullable=False),
    Column("value", String(300), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("follower", "kind", "value", name="uq_follow"),
)

# Where `claimdesk digest --since-last` stopped, per reader: the last story_changes id it reported.
digest_marks = Table(
    "digest_marks", metadata,
    Column("reader", String(200), primary_key=True),
    Column("last_change_id", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
