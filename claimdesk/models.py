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
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from claimdesk.textclean import clean_text, describe, first_unwanted

Span = tuple[int, int]

Severity = Literal["error", "warning", "info"]
AttributionKind = Literal["named_person", "named_organization", "anonymous", "vague", "none"]
Polarity = Literal["asserted", "denied"]
# "part_of_month" ("early March": value YYYY-MM) and "season" ("late 2025", "summer 2024": value
# YYYY) are narrower than their value says; `When.start`/`When.end` give the days they cover.
Granularity = Literal["day", "month", "year", "part_of_month", "season"]
Qualifier = Literal["exact", "about", "up_to", "at_least", "range"]
StoryStatus = Literal["corroborated", "single_source", "contested", "denied"]
STORY_STATUSES: tuple[str, ...] = get_args(StoryStatus)
SourceFormat = Literal["text", "html", "feed", "warc", "jsonl", "json"]

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


OUTLET_MAX_CHARS = 300  # the store's outlet column; a longer og:site_name is cut, not refused


def _clean_fields(data: Any, names: tuple[str, ...]) -> Any:
    """The `claimdesk.textclean` rule on the named string fields of a record being built, so a
    record made any way (reader, store row, Spark table) holds nothing a store would refuse."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    for name in names:
        value = data.get(name)
        if isinstance(value, str):
            data[name] = clean_text(value)[0]
    outlet = data.get("outlet")
    if isinstance(outlet, str) and len(outlet) > OUTLET_MAX_CHARS:
        data["outlet"] = outlet[:OUTLET_MAX_CHARS].rstrip()
    return data


def _control_finding(text: str, first: int, counts: dict[str, int]) -> "Finding":
    at = max(first, 0)
    line = text.count("\n", 0, at) + 1
    return Finding(
        kind="control_characters", severity="info", line=line, end_line=line, span=(at, at), quote="",
        message=f"removed {sum(counts.values())} control characters no store should keep (NUL and other "
                f"C0 controls but tab and line breaks; vertical tab and form feed became line breaks): "
                f"{describe(counts)}",
    )


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


class TimedPost(Record):
    """A post of a live page: its words' [start, end) in the document's text and the time the page shows for it."""
    span: Span
    at: datetime


class Document(Record):
    id: str
    source: str = Field(description="the path or URL it was read from, with #fragment for one record of many")
    format: SourceFormat = "text"
    outlet: Optional[str] = None
    url: Optional[str] = None
    site: Optional[str] = Field(
        default=None, description="the outlet's web domain when the document's own url does not give it (a page saved "
                                  "without its address): the domain its outlet's other stored pages share, set by the store")
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[date] = None
    language: Optional[str] = None
    text: str
    furniture: list[Span] = Field(
        default_factory=list,
        description="[start, end) spans of site furniture left in the text (menus, banners, prompts, credits): "
                    "never a claim, ignored by the audit")
    ingested_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
    published_at: Optional[datetime] = Field(
        default=None, description="when the page was published, to the minute, when its metadata gives the time with its zone")
    posts: list[TimedPost] = Field(
        default_factory=list, description="a live page's posts with the times the page shows for them (`told_at`)")
    notes: list[Finding] = Field(
        default_factory=list, exclude=True,
        description="findings made while reading the input (characters removed, bytes replaced); "
                    "audit() reports them with its own, the store keeps them as findings")

    _line_cache: Optional[tuple[str, list[int]]] = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _cleaned(cls, data: Any) -> Any:
        return _clean_fields(data, ("source", "outlet", "url", "title", "author", "language", "text"))

    def __eq__(self, other: object) -> bool:
        # pydantic compares private attributes too: a document whose line starts were cached is
        # still the same document as one read back from the store
        if not isinstance(other, Document):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    @classmethod
    def from_text(cls, text: str, notes: Optional[list[Finding]] = None, **fields) -> "Document":
        """A document of `text`, its id the hash of its normalised text, every text field cleaned
        by `claimdesk.textclean`'s rule (with a `control_characters` finding when it removed any)."""
        first = first_unwanted(text)
        text, in_text = clean_text(text)
        counts = {"text": in_text}
        for name, value in fields.items():
            if isinstance(value, str):
                fields[name], counts[name] = clean_text(value)
        notes = list(notes or [])
        if any(counts.values()):
            notes.append(_control_finding(text, first, counts))
        return cls(id=document_id(text), text=text, notes=notes, **fields)

    @property
    def lines(self) -> list[int]:
        # Computed once per text, not once per claim: line_of() is called for every claim and
        # finding, and recomputing made extraction quadratic in the document's length.
        cached = self._line_cache
        if cached is None or cached[0] is not self.text:
            cached = self._line_cache = (self.text, line_starts(self.text))
        return cached[1]

    def line_of(self, offset: int) -> int:
        """1-based line number holding character `offset`."""
        return bisect.bisect_right(self.lines, offset)

    def told_at(self, span: Span) -> Optional[datetime]:
        """When the words at `span` were published: the time of the live post holding them, else the page's
        `published_at`."""
        post = next((p for p in self.posts if p.span[0] <= span[0] < p.span[1]), None)
        return post.at if post is not None else self.published_at

    def in_furniture(self, span: Span) -> bool:
        """Whether at least half of `span` lies in furniture (a sentence that only runs on into a
        furniture line, or out of one, is still the article's)."""
        start, end = span
        if not self.furniture or end <= start:
            return False
        inside = sum(max(0, min(end, e) - max(start, s)) for s, e in self.furniture)
        return 2 * inside >= end - start

    def line_span(self, line: int) -> Span:
        """[start, end) of 1-based `line`, without its newline."""
        starts = self.lines
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return (start, end)


@dataclass
class DerivedDocument:
    """A document with what audit and extraction derived from it, as the pipeline hands it to the
    store. None means "not computed" (the store writes nothing for it), [] "computed, none found"."""

    document: Document
    findings: Optional[list[Finding]] = None
    claims: Optional[list[Claim]] = None


class LinkOnly(Record):
    """A feed entry that carries only a link: recorded, never fetched (claimdesk works offline)."""

    source: str
    url: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[date] = None

    @model_validator(mode="before")
    @classmethod
    def _cleaned(cls, data: Any) -> Any:
        return _clean_fields(data, ("source", "url", "title", "outlet"))


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

    @model_validator(mode="before")
    @classmethod
    def _cleaned(cls, data: Any) -> Any:
        return _clean_fields(data, ("source", "reason"))


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
    start: Optional[str] = Field(default=None, description="first day covered (ISO), for ranges and parts of a period")
    end: Optional[str] = Field(default=None, description="last day covered (ISO), for ranges and parts of a period")


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
    setting: list[Place] = Field(
        default_factory=list,
        description="where the page sets a claim giving a figure whose own words name no town or region: the speaker's office "
                    "('Kharkiv Mayor …'), the town told before it in its paragraph, or the page's one town "
                    "(claimdesk.extraction.setting); not among `places`, which the claim's words name")

    @staticmethod
    def make_id(document_id: str, span: Span) -> str:
        return hashlib.sha256(f"{document_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:32]

    def places_spelt_otherwise(self, start: Optional[int] = None, towns_only: bool = False) -> list[tuple[str, str]]:
        """(as written, the gazetteer's name) of each place the claim spells otherwise than the
        gazetteer, from document offset `start` on: "Zaporizhia" and "Zaporizhzhia" are one name there.
        `towns_only`: not countries and regions ("US" for "United States" is an abbreviation, not a
        transliteration)."""
        start = self.span[0] if start is None else start
        found = []
        for p in self.places:
            if p.span is None or p.span[0] < start or (towns_only and p.kind != "city"):
                continue
            written = self.text[p.span[0] - self.span[0]:p.span[1] - self.span[0]]
            if written.lower() != p.name.lower():
                found.append((written, p.name))
        return found


class Origin(Record):
    """Who wrote (part of) a document's text when it is not the publishing outlet: a wire, the
    outlet of an earlier document it copies or shares a passage with, a press-release service.

    `key` is the outlet identity (`claimdesk.outlets.outlet_key`); `span` the passage it covers,
    None for the whole document; `document` the earlier document the words were found in.
    """

    outlet: str
    key: str
    why: str
    span: Optional[Span] = None
    document: Optional[str] = None

    def covers(self, span: Span) -> bool:
        return self.span is None or self.span[0] <= span[0] < self.span[1]


class MentionOrigin(Record):
    outlet: str
    why: str


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
    origin: Optional[MentionOrigin] = Field(default=None, description="who wrote the words, when not the outlet itself")


class Contradiction(Record):
    kind: Literal["number", "date", "place", "denial"]
    detail: str
    mentions: list[str] = Field(description="claim ids of the mentions that disagree")
    quantity: Optional[str] = Field(default=None, description="what both numbers count, e.g. 'military killed "
                                    "(officers killed / soldiers killed)'; the event both dates or places belong to")
    spans: list[Optional[Span]] = Field(default_factory=list, description="per mention (same order), the document "
                                        "span of the disagreeing number, date or place; for a denial, of each claim")


class StoryReview(Record):
    """A person's review of a story (DESIGN: the ledger's `review`). A reviewer's `status` overrides
    the machine's in `Story.status`; the machine's stays in `machine_status`."""

    status: Optional[StoryStatus] = Field(default=None, description="the reviewer's status; null: the machine's stands")
    by: str = Field(description="the last reviewer")
    at: datetime
    note: str = ""
    reason: str = Field(default="", description="why the reviewer set the status")
    machine_status: Optional[StoryStatus] = None
    changed_since_review: bool = False
    changes: list[str] = Field(default_factory=list, description="new evidence since the last review: new "
                               "independent sources, contradictions, denials, the machine's status changing")


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
    review: Optional[StoryReview] = Field(default=None, description="null when no one has reviewed the story")


ReviewAction = Literal["merge", "move", "status", "note", "reviewed"]


class ReviewEntry(Record):
    """One line of the review log: who did what to which stories, and what was there before."""

    id: int
    at: datetime
    user: str
    action: ReviewAction
    story: str = Field(description="the story the action leaves in place: the merged story, a move's target")
    claim: Optional[str] = Field(default=None, description="the mention a move moved")
    stories: list[str] = Field(default_factory=list, description="every story the action concerns")
    before: dict[str, Any] = Field(default_factory=dict)
    after: dict[str, Any] = Field(default_factory=dict)
    note: str = ""
