"""ECB+ (CAT XML) as claimdesk documents, with gold events and cross-document coreference chains.

Each topic folder holds documents about two similar but different events: `N_Xecb.xml` report one,
`N_Xecbplus.xml` the other. ECB+ stores tokens only; the text is rebuilt by joining them, one
sentence per line, and every token keeps its character span so gold mentions map onto the text.
`*ecbplus.xml` documents begin with their source URL (sentence 0), which becomes `url`/`outlet`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

from claimdesk.models import Document, Span

_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
_DOC_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")


@dataclass
class GoldMention:
    m_id: str
    span: Span
    kind: str
    chain: str | None = None


@dataclass
class EcbDocument:
    document: Document
    topic: str
    subtopic: str  # "ecb" or "ecbplus": which of the topic's two events
    mentions: list[GoldMention] = field(default_factory=list)

    @property
    def event(self) -> str:
        return f"{self.topic}_{self.subtopic}"


def read_document(path: Path) -> EcbDocument:
    m = _DOC_NAME.match(path.name)
    if not m:
        raise ValueError(f"expected an ECB+ file name like 1_10ecb.xml, got {path.name!r}")
    topic, _, subtopic = m.groups()
    root = etree.parse(str(path)).getroot()
    sentences: dict[int, list[tuple[str, str]]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append((tok.get("t_id"), tok.text or ""))
    url = None
    if subtopic == "ecbplus" and 0 in sentences:
        first = "".join(t for _, t in sentences[0])
        if first.startswith("http"):
            url = first
            del sentences[0]
    text_parts: list[str] = []
    token_spans: dict[str, Span] = {}
    offset = 0
    for number in sorted(sentences):
        line: list[str] = []
        prev = None
        for t_id, tok in sentences[number]:
            if line and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
                line.append(" ")
                offset += 1
            token_spans[t_id] = (offset, offset + len(tok))
            line.append(tok)
            offset += len(tok)
            prev = tok
        text_parts.append("".join(line))
        offset += 1  # the newline
    text = "\n".join(text_parts)
    outlet = urlparse(url).netloc.removeprefix("www.") if url else None
    doc = Document.from_text(text, source=str(path), format="text", url=url, outlet=outlet,
                             title=text_parts[0][:200] if text_parts else None, language="en")
    mentions = _mentions(root, token_spans)
    return EcbDocument(doc, topic, subtopic, mentions)


def _mentions(root, token_spans: dict[str, Span]) -> list[GoldMention]:  # noqa: ANN001
    markables = root.find("Markables")
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is not None:
        for rel in relations.iter("CROSS_DOC_COREF"):
            for src in rel.iter("source"):
                chain_of[src.get("m_id")] = rel.get("note")
    out: list[GoldMention] = []
    if markables is None:
        return out
    for mk in markables:
        anchors = [a.get("t_id") for a in mk.iter("token_anchor")]
        spans = [token_spans[a] for a in anchors if a in token_spans]
        if not spans:
            continue
        m_id = mk.get("m_id")
        out.append(GoldMention(m_id, (min(s for s, _ in spans), max(e for _, e in spans)), mk.tag,
                               chain_of.get(m_id)))
    return out


def read_corpus(folder: Path) -> Iterator[EcbDocument]:
    """Every document of every topic folder, in topic then file order."""
    topics = sorted((p for p in Path(folder).iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name))
    for topic in topics:
        for path in sorted(topic.glob("*.xml")):
            if _DOC_NAME.match(path.name):
                yield read_document(path)
