"""GVC (Gun Violence Corpus, CoNLL) as claimdesk documents, with the incident of every page and
cross-document event coreference of its mentions.

Each page is `topic/incident/doc` in `dataset.conll`, one token a line; sentence 0 is the page's
creation date, sentence 1 its title. The text is rebuilt one sentence per line (tokens joined as for
ECB+), and every token keeps its character span so the mentions of `event_mentions.json` (by
sentence and token number, with their `coref_chain`) map onto the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bench.corpora.ecbplus import _NO_SPACE_AFTER, _NO_SPACE_BEFORE, GoldMention
from claimdesk.models import Document, Span


@dataclass
class GvcDocument:
    document: Document
    incident: str
    mentions: list[GoldMention] = field(default_factory=list)


def _pages(conll: Path) -> Iterator[tuple[str, dict[int, list[str]]]]:
    key, sentences = None, {}
    with conll.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#begin document"):
                key, sentences = line.split("(", 1)[1].split(")", 1)[0], {}
            elif line.startswith("#end document"):
                if key is not None:
                    yield key, sentences
                key = None
            elif line.strip() and key is not None:
                parts = line.rstrip("\n").split("\t")
                sentences.setdefault(int(parts[1]), []).append(parts[3])


def read_corpus(folder: Path) -> list[GvcDocument]:
    """Every page of the split, in file order, with its incident and gold event mentions."""
    folder = Path(folder)
    by_doc: dict[str, list[dict]] = {}
    for m in json.loads((folder / "event_mentions.json").read_text(encoding="utf-8")):
        by_doc.setdefault(m["conll_doc_key"], []).append(m)
    out = []
    for key, sentences in _pages(folder / "dataset.conll"):
        published = None
        if 0 in sentences:
            try:
                published = date.fromisoformat(sentences[0][0])
            except ValueError:
                published = None
        lines, spans, offset = [], {}, 0
        for number in sorted(n for n in sentences if n > 0):
            line, prev = [], None
            for i, tok in enumerate(sentences[number]):
                if line and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
                    line.append(" ")
                    offset += 1
                spans[(number, i)] = (offset, offset + len(tok))
                line.append(tok)
                offset += len(tok)
                prev = tok
            lines.append("".join(line))
            offset += 1
        text = "\n".join(lines)
        doc = Document.from_text(text, source=f"gvc:{key}", format="text", title=lines[0][:200] if lines else None,
                                 published=published, language="en", outlet=f"gvc-{key.rsplit('/', 1)[-1][:8]}")
        mentions = []
        for m in by_doc.get(key, []):
            tok_spans: list[Span] = [spans[(m["sent_id"], t)] for t in m["tokens_number"] if (m["sent_id"], t) in spans]
            if tok_spans:
                mentions.append(GoldMention(m["mention_id"], (min(s for s, _ in tok_spans), max(e for _, e in tok_spans)),
                                            "ACTION_" + m.get("mention_type", "OCC"), m["coref_chain"]))
        out.append(GvcDocument(doc, key.split("/")[1], mentions))
    return out
