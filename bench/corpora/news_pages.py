"""Crawled news pages with their furniture left in: news_cluster (news-please JSON) and GVC val.

Used to label and measure page furniture. Each page keeps a key of its own corpus (news_cluster's
`dId`, GVC's `topic/incident/doc`) so labelled lines can point at it without copying its text, and a
`group` (outlet for news_cluster, incident for GVC) by which labelled pages are split into a
development part and a held-out part.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll",
                    "'d", "'m", "’s", "’", "”"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘"}
LINE_BREAK = "//n"  # GVC's token for a line break in the page


@dataclass(frozen=True)
class NewsPage:
    corpus: str  # "news_cluster" or "gvc"
    key: str
    outlet: Optional[str]
    url: Optional[str]
    published: Optional[date]
    title: Optional[str]
    text: str
    group: str

    def record(self) -> dict:
        """The page as a JSON Lines object claimdesk's reader takes (text kept as given)."""
        return {"text": self.text, "title": self.title, "url": self.url, "source_domain": self.outlet,
                "date_publish": self.published.isoformat() if self.published else None}


def is_held_out(group: str) -> bool:
    """Held-out outlets/incidents for furniture figures, fixed by a hash of the group's name
    before any label was looked at: about one group in three."""
    return int(hashlib.sha1(group.encode("utf-8")).hexdigest(), 16) % 3 == 0


def read_news_cluster(folder: Path) -> Iterator[NewsPage]:
    for path in sorted(Path(folder).glob("*.json")):
        obj = json.loads(path.read_text("utf-8"))
        published = obj.get("date_publish")
        outlet = obj.get("source_domain") or ""
        yield NewsPage("news_cluster", obj.get("dId") or path.stem, outlet, obj.get("url"),
                       date.fromisoformat(published[:10]) if published else None, obj.get("title"),
                       obj.get("text") or "", outlet)


def read_gvc(folder: Path) -> Iterator[NewsPage]:
    """GVC val pages rebuilt from its CoNLL tokens: sentence 0 is the page date, 1 its title, the
    rest the page text, with a line break wherever the page had one."""
    pages: dict[str, dict[int, list[str]]] = {}
    for line in (Path(folder) / "dataset.conll").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        pages.setdefault(parts[0], {}).setdefault(int(parts[1]), []).append(parts[3])
    for key, sentences in pages.items():
        head = " ".join(sentences.get(0, []))
        title = _detokenize(sentences.get(1, []))
        body: list[str] = []
        for number in sorted(n for n in sentences if n >= 2):
            for tok in sentences[number]:
                body.append(tok)
            body.append(" ")
        text = "\n".join(_detokenize([t for t in chunk.split("\x00") if t]).strip()
                         for chunk in "\x00".join(body).split(LINE_BREAK))
        try:
            published = date.fromisoformat(head[:10])
        except ValueError:
            published = None
        topic, incident, _ = key.split("/")
        yield NewsPage("gvc", key, None, None, published, title, text.strip("\n"), f"{topic}/{incident}")


def _detokenize(tokens: list[str]) -> str:
    out: list[str] = []
    prev = None
    for tok in tokens:
        if tok == " ":
            prev = None
            continue
        if out and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            out.append(" ")
        out.append(tok)
        prev = tok
    return "".join(out)


STORY_SAMPLE = "story-sample"  # the fixture's part of lines drawn from multi-source stories


@dataclass(frozen=True)
class LabelledLine:
    page: NewsPage
    line: int  # 1-based line number in page.text
    furniture: bool
    part: str = "pages"  # "pages" (every line of the labelled pages) or STORY_SAMPLE

    @property
    def held_out(self) -> bool:
        return self.part == STORY_SAMPLE or is_held_out(self.page.group)

    @property
    def split(self) -> str:
        """What a figure on this line measures: STORY_SAMPLE, "held-out" or "dev"."""
        return STORY_SAMPLE if self.part == STORY_SAMPLE else "held-out" if self.held_out else "dev"


def read_pages(corpus_dir: Path) -> list[NewsPage]:
    """news_cluster's pages, then GVC val's."""
    corpus_dir = Path(corpus_dir)
    return list(read_news_cluster(corpus_dir / "news_cluster")) + list(read_gvc(corpus_dir / "gvc" / "val"))


def read_labels(labels: Path, pages: list[NewsPage]) -> list[LabelledLine]:
    """The hand labels of `tests/fixtures/furniture_labels.tsv`, checked against the corpus read
    in place (a line whose hash differs means the corpus changed: fail rather than mislabel). A
    comment `# part: NAME` puts the rows after it in part NAME."""
    by_key = {(p.corpus, p.key): p for p in pages}
    out = []
    part = "pages"
    for row in Path(labels).read_text("utf-8").splitlines():
        if row.startswith("# part:"):
            part = row.split(":", 1)[1].strip()
            continue
        if not row.strip() or row.startswith("#"):
            continue
        corpus, key, line, label, digest = row.split("\t")
        page = by_key[(corpus, key)]
        text = page.text.split("\n")[int(line) - 1].strip()
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:8] != digest:
            raise ValueError(f"{corpus} {key} line {line}: the corpus text changed since it was labelled")
        out.append(LabelledLine(page, int(line), label == "F", part))
    return out
