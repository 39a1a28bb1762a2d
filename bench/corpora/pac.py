"""PAC (Partisan-Event-Dataset) dev stories as claimdesk documents: two outlets of opposite lean each."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path

from claimdesk.models import Document

_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "%", "'s", "’s", "n't"}


@dataclass
class PacArticle:
    story: str
    document: Document
    lean: str


def _detokenise(sentences: list[list[str]]) -> str:
    lines = []
    for sent in sentences:
        out: list[str] = []
        for tok in sent:
            if out and tok not in _NO_SPACE_BEFORE and out[-1] not in ("(", "$", "“"):
                out.append(" ")
            out.append(tok)
        lines.append("".join(out))
    return "\n".join(lines)


def read_stories(path: Path) -> list[PacArticle]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[PacArticle] = []
    for story_id, articles in data.items():
        for art in articles:
            tokens = art["tokens"]
            if isinstance(tokens, str):
                tokens = ast.literal_eval(tokens)
            text = _detokenise(tokens)
            doc = Document.from_text(text, source=f"{path}#{art.get('id', story_id)}", outlet=art.get("source"),
                                     title=art.get("title"), language="en")
            out.append(PacArticle(story_id, doc, art.get("relative_ideology") or ""))
    return out
