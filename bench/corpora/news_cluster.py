"""news_cluster (news-please JSON crawls grouped by hand into events) as claimdesk documents.

One JSON file per page: `text` keeps the crawler's page furniture; `newsCluster.EventId` is the gold
event. The outlet is the page's `source_domain`, the date its `date_publish`.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from claimdesk.models import Document


@dataclass
class ClusterPage:
    document: Document
    event: str
    category: str


def _cluster(value) -> dict:  # noqa: ANN001
    return value if isinstance(value, dict) else ast.literal_eval(value)


def read_page(path: Path) -> Optional[ClusterPage]:
    """One crawled page as a document with its gold event, or None when it has no text."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    text = (raw.get("text") or "").strip()
    if not text:
        return None
    title = raw.get("title") if raw.get("title") not in (None, "None") else None
    published = None
    if raw.get("date_publish") not in (None, "None"):
        published = datetime.fromisoformat(str(raw["date_publish"])).date()
    cluster = _cluster(raw["newsCluster"])
    doc = Document.from_text(text, source=str(path), format="json", url=raw.get("url"), title=title,
                             outlet=raw.get("source_domain"), published=published, language="en")
    return ClusterPage(doc, str(cluster["EventId"]), str(cluster.get("Category", "")))


def read_corpus(folder: Path) -> list[ClusterPage]:
    return [page for page in map(read_page, sorted(Path(folder).glob("*.json"))) if page is not None]
