"""The records that flow between claimdesk's stages.

ingest -> Document; audit(Document) -> Finding*; extract(Document) -> Claim*;
corroborate(Claim* of many documents) -> Story*. Only `claimdesk.store` turns these into rows.

Every derived record points back to its words: a document id and a [start, end) character span
into `Document.text`.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from datetime import date, datetime, timezone
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]

Severity = Literal["error", "warning", "info"]
AttributionKind = Literal["named_person", "named_organization", "anonymous", "vague", "none"]
Polarity = Literal["asserted", "denied"]
Granularity = Literal["day", "month", "year"]
Qualifier = Literal["exact", "about", "up_to", "at_least", "range"]
StoryStatus = Literal["corroborated", "single_source", "contested", "denied"]
SourceFormat = Literal["text", "html", "feed", "warc", "jsonl"]

EVENT_TYPES = (
    "deployment", "desertion", "casualty", "attack", "agreement",
    "statement", "denial", "aid", "search", "other",
)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


def normalise_text(text: str) -> str:
    """The form of a text that its id is computed from: NFC, whitespace folded, trimmed.

    Two copies of an article that differ only in line breaks or spacing get the same id.
    """
    # str.split() folds the same Unicode whitespace as a \s+ regex, several times faster.
    return " ".join(unicodedata.normalize("NFC", text).split())


def document_id(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def line_starts(text: str) -> list[int]:
    """Character offsets at which each 1-based line of `text` starts."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


class Document(Record):
    id: str
    source: str = Field(description="the path or URL it was read from, with #fragment for one record of many")
    format: SourceFormat = "text"
    outlet: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[date] = None
    language: Optional[str] = None
    text: str
    ingested_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))

    @classmethod
    def from_text(cls, text: str, **fields) -> "Document":
        return cls(id=document_id(text), text=text, **fields)

    @property
    def lines(self) -> list[int]:
        return line_starts(self.text)

    def line_of(self, offset: int) -> int:
        """1-based line number holding character `offset`."""
        return bisect.bisect_right(self.lines, offset)

    def line_span(self, line: int) -> Span:
        """[start, end) of 1-based `line`, without its newline."""
        starts = self.lines
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return (start, end)


class LinkOnly(Record):
    """A feed entry that carries only a link: recorded, never fetched (claimdesk works offline)."""

    source: str
    url: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[date] = None


class Rejected(Exception):
    """An input that claimdesk could not turn into a document; kept in quarantine with its reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class RejectedInput(Record):
    source: str
    reason: str
    at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))


class Related(Record):
    line: int
    end_line: int
    span: Optional[Span] = None


class Finding(Record):
    kind: str
    severity: Severity
    line: int
    end_line: int
    span: Span
    quote: str
    message: str
    related: Optional[Related] = None


class Attribution(Record):
    kind: AttributionKind = "none"
    source: Optional[str] = None
    source_span: Optional[Span] = None
    cue: Optional[str] = None
    target: Optional[str] = Field(default=None, description="what a denial or confirmation is about, e.g. 'these reports'")
    target_span: Optional[Span] = None


class When(Record):
    text: str
    value: str = Field(description="ISO date, YYYY-MM or YYYY according to granularity")
    granularity: Granularity
    span: Optional[Span] = None


class Place(Record):
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    geonameid: Optional[int] = None
    span: Optional[Span] = None
    kind: Optional[Literal["city", "region", "country"]] = Field(
        default=None, description="what the name denotes; a region's lat/lon is a centroid")


class Quantity(Record):
    text: str
    value: float
    qualifier: Qualifier = "exact"
    unit: Optional[str] = None
    high: Optional[float] = Field(default=None, description="upper bound of a range")
    span: Optional[Span] = None


class Claim(Record):
    id: str
    document_id: str
    text: str
    span: Span
    line: int
    event_type: str = "other"
    actors: list[str] = Field(default_factory=list)
    attribution: Attribution = Field(default_factory=Attribution)
    hedges: list[str] = Field(default_factory=list)
    polarity: Polarity = "asserted"
    when: Optional[When] = None
    places: list[Place] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    checkworthiness: float = 0.0
    extractor: str = ""

    @staticmethod
    def make_id(document_id: str, span: Span) -> str:
        return hashlib.sha256(f"{document_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:32]


class Mention(Record):
    claim: str
    document: str
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    span: Span
    text: str
    attribution: Attribution = Field(default_factory=Attribution)
    hedges: list[str] = Field(default_factory=list)
    polarity: Polarity = "asserted"
    copy_of: Optional[str] = Field(default=None, description="id of the document this one copies")


class Contradiction(Record):
    kind: Literal["number", "date", "place", "denial"]
    detail: str
    mentions: list[str] = Field(description="claim ids of the mentions that disagree")


class Story(Record):
    id: str
    text: str
    event_type: str = "other"
    status: StoryStatus = "single_source"
    independent_sources: int = 1
    informativeness: float = Field(
        default=0.0, description="how much of a fact the story's lead states (0-1: names, numbers, place, day, "
                                 "kind of event); ranks stories with as many independent sources")
    first_seen: Optional[date] = None
    when: Optional[When] = None
    places: list[Place] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
