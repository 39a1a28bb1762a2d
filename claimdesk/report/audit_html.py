"""One self-contained HTML page for audited documents: each article with its findings marked in
place and listed beside it. Inline CSS, no scripts or external assets; every piece of article
text goes through Jinja's autoescaping."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader

from claimdesk.models import Claim, Document, Finding


@dataclass
class Segment:
    text: str
    findings: list[int] = field(default_factory=list)   # 1-based numbers of the findings marking it
    kinds: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(sorted({f"k-{k}" for k in self.kinds}))


@dataclass
class Line:
    number: int
    segments: list[Segment]
    related: bool = False   # the earlier text some finding points at
    starts: list[int] = field(default_factory=list)   # findings that begin on this line


@dataclass
class Page:
    doc: Document
    findings: list[Finding]
    lines: list[Line]
    claims: int | None


def _env() -> Environment:
    return Environment(loader=PackageLoader("claimdesk.report", "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True)


def layout(doc: Document, findings: list[Finding]) -> list[Line]:
    """The document's lines cut at every finding boundary, each piece knowing which findings cover it."""
    text = doc.text
    starts = doc.lines
    bounds = sorted({0, len(text)} | {max(0, min(len(text), b)) for f in findings for b in f.span})
    related_lines = {n for f in findings if f.related for n in range(f.related.line, f.related.end_line + 1)}
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        cuts = [start] + [b for b in bounds if start < b < end] + [end]
        segments = []
        for s, e in zip(cuts, cuts[1:]):
            covering = [n for n, f in enumerate(findings, 1) if f.span[0] <= s and e <= f.span[1] and f.span[0] < f.span[1]]
            segments.append(Segment(text[s:e], covering, tuple(findings[n - 1].kind for n in covering)))
        out.append(Line(i + 1, segments or [Segment("")], related=(i + 1) in related_lines,
                        starts=[n for n, f in enumerate(findings, 1) if f.line == i + 1]))
    return out


def render(audited: Iterable[tuple[Document, list[Finding], list[Claim] | None]], title: str = "claimdesk audit") -> str:
    pages = [Page(doc, findings, layout(doc, findings), None if claims is None else len(claims))
             for doc, findings, claims in audited]
    return _env().get_template("audit.html").render(pages=pages, title=title)
