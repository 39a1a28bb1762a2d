"""The origin of each document's words, for one corroboration batch.

In order of precedence:
0. a sentence credits another news outlet for what it states ("told The New York Times",
   "obtained by Newsweek": `credits`): that sentence is the credited outlet's; so is a sentence
   printing a quotation that some page says was given to that outlet (`interviews`);
1. the document credits a wire or press-release service (`origin.wire_origin`): the whole text is
   the wire's (from the dateline on, when the wire story starts further down the page);
2. it is a near-duplicate of an earlier document (`copies`): the whole text has that document's
   origin, or is that document's outlet's;
3. it retells an earlier page of the batch sentence by sentence in other words (`rewrites`: a
   rewrite site's spun copy): the whole text has that page's origin; a page made mostly of
   sentences retold from several earlier pages: each such sentence has its page's origin;
4. it shares passages with earlier documents of its event cluster (`passages`), or single long
   sentences nearly word for word: each has the earlier document's origin (or outlet), the rest
   is the document's own.
An origin whose outlet is the document's own outlet is no origin: an outlet updating its own story
is still one source. A story then counts one source per distinct origin (`status.source_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from claimdesk.corroborate.copies import order_key, shares_any, shingles
from claimdesk.corroborate.credits import brand, credits, outlet_key_of_name, outlet_names
from claimdesk.corroborate.interviews import GivenQuotes, PrintedQuotes
from claimdesk.corroborate.origin import wire_origin
from claimdesk.outlets import outlet_key
from claimdesk.corroborate.passages import MIN_SHARED, SentenceShingles
from claimdesk.corroborate.rewrites import RewriteText
from claimdesk.models import Document, Origin, Span

MAX_CANDIDATES = 40   # earlier documents a document's passages are compared with (the first listed)
# a page retelling one page sentence by sentence is wholly its when this share of all it retells
# from any page comes from that page's origin (a page mixing two reports owes each its sentences)
WHOLE_RETOLD = 2 / 3


@dataclass
class SourcingContext:
    """What a batch knows: headers (no text) of earlier documents, their stored origins, copy
    verdicts, and the shingle sets of any document (`shingles_of`, cached by the copy detector)."""

    headers: dict[str, Document]
    origins: dict[str, list[Origin]]
    copy_of: dict[str, str]
    shingles_of: Callable[[str], Optional[np.ndarray]]
    candidates: dict[str, list[str]] = field(default_factory=dict)
    outlet_names: dict[str, str] = field(default_factory=dict)  # folded name -> outlet key (`credits`)
    wires: dict[str, Optional[Origin]] = field(default_factory=dict)  # batch document -> its wire credit, if any
    # quotations pages credit to another outlet's interview (`interviews`): the batch's and, filled in
    # by the caller, those of earlier documents
    given: GivenQuotes = field(default_factory=GivenQuotes)
    # quotations each outlet's own pages print (`interviews.PrintedQuotes`): the batch's and, filled in
    # by the caller, those of earlier pages of the outlets the batch credits
    printed: PrintedQuotes = field(default_factory=PrintedQuotes)
    # earlier pages (with text, outside the batch) of the given outlets in the batch's event clusters:
    # their quotations are looked for on batch pages crediting those outlets
    earlier_pages: Callable[[set[str]], Iterable[Document]] = lambda keys: ()
    credited: dict[str, PageCredits] = field(default_factory=dict)  # batch document -> its credits
    batch: dict[str, Document] = field(default_factory=dict)  # the batch's documents, by id
    rewrite_texts: dict[str, RewriteText] = field(default_factory=dict)  # `rewrites`, read once per page


@dataclass(frozen=True)
class PageCredits:
    """A page's sentences crediting another outlet (as origins), and those crediting the page's own
    outlet ("told RT" on rt.com): words the page says were spoken to itself."""

    others: list[Origin]
    own: list[Span]


def own_key(doc: Document) -> str:
    return outlet_key(doc.outlet, doc.url, doc.site) or "document:" + doc.id


def outlet_name(doc: Document) -> str:
    return doc.outlet or outlet_key(doc.outlet, doc.url, doc.site) or f"document {doc.id[:12]}"


def _page(doc: Document) -> str:
    """A page as a reason names it: "Reuters document 0ff5b448c134", or "document 0ff5b448c134"."""
    name = doc.outlet or outlet_key(doc.outlet, doc.url, doc.site)
    return f"{name} document {doc.id[:12]}" if name else f"document {doc.id[:12]}"


def assign(docs: list[Document], ctx: SourcingContext) -> dict[str, list[Origin]]:
    """Origins of `docs` (full documents, with text), earliest first, so a later document in the
    batch sees what an earlier one got. Every document gets an entry (empty: all its own words)."""
    out: dict[str, list[Origin]] = {}
    ctx.outlet_names.update(outlet_names({own_key(d) for d in [*ctx.headers.values(), *docs]}))
    for d in docs:  # read once: a page's passages are compared with later wire copies too
        ctx.wires[d.id] = _wire(d, ctx)
        ctx.batch[d.id] = d
    for d in docs:  # words given to an outlet count as its on any page, earlier or later in the batch
        ctx.credited[d.id] = _credited(d, ctx)
        ctx.given.add_credits(d.text, ctx.credited[d.id].others)
    # the quotations of the pages of credited outlets, earlier ones too; the posts of every page
    keys = {o.key for page in ctx.credited.values() for o in page.others}
    for d in docs:
        printer = printed_by(d, ctx.wires[d.id])
        ctx.printed.add_page(d.text, printer if printer.key in keys else None)
    for d in ctx.earlier_pages(keys):
        if d.id not in ctx.batch:
            ctx.printed.add_page(d.text, printed_by(d, _wire(d, ctx)))
    for doc in sorted(docs, key=order_key):
        ctx.headers.setdefault(doc.id, doc)
        found = document_origins(doc, ctx)
        out[doc.id] = ctx.origins[doc.id] = found
    return out


def _wire(doc: Document, ctx: SourcingContext) -> Optional[Origin]:
    """`wire_origin`, with an agency known only by the name its dateline gives ("KYIV, Jan 27 (Meridian
    Wire) -") read as the outlet of the batch of that name: its copies count with its own pages, and
    on its own pages it is no other origin."""
    wire = wire_origin(doc)
    if wire is None or not wire.key.startswith("name:"):
        return wire
    key = outlet_key_of_name(wire.outlet, ctx.outlet_names)
    if key is None:
        return wire
    return None if key == own_key(doc) else wire.model_copy(update={"key": key})


def printed_by(doc: Document, wire: Optional[Origin]) -> Origin:
    """Whose words a page's quotations are: the wire's when the whole page is a wire story, else its outlet's."""
    if wire is not None and wire.span is None:
        return Origin(outlet=wire.outlet, key=wire.key, document=doc.id, why=f"a {wire.outlet} story on {outlet_name(doc)}")
    return Origin(outlet=outlet_name(doc), key=own_key(doc), document=doc.id, why=f"{outlet_name(doc)} document {doc.id[:12]}")


def _own_keys(doc: Document, ctx: SourcingContext) -> tuple[str, Optional[Origin], frozenset[str]]:
    mine = own_key(doc)
    wire = ctx.wires[doc.id] if doc.id in ctx.wires else _wire(doc, ctx)
    return mine, wire, frozenset({mine} | ({wire.key} if wire else set()))


def _credited(doc: Document, ctx: SourcingContext) -> PageCredits:
    """The sentences of `doc` crediting an outlet (`credits`): another one's, or its own."""
    _, _, own = _own_keys(doc, ctx)
    brands = {brand(k) for k in own}
    found = credits(doc.text, ctx.outlet_names, own)
    mine = [c for c in found if c.key in own or brand(c.key) in brands]
    return PageCredits(others=[Origin(outlet=c.outlet, key=c.key, span=c.span, why=f"credits {c.outlet}: '{c.cue}'")
                               for c in found if c not in mine],
                       own=[c.span for c in mine])


def document_origins(doc: Document, ctx: SourcingContext) -> list[Origin]:
    """The document's origins, the first covering a claim being its origin (`origin_of`)."""
    mine, wire, own = _own_keys(doc, ctx)
    page = ctx.credited[doc.id] if doc.id in ctx.credited else _credited(doc, ctx)
    credited = list(page.others)
    credited += ctx.given.quoted_in(doc.text, own, [o.span for o in page.others] + page.own)
    credited += ctx.printed.quoted_in(doc.text, frozenset(o.key for o in page.others), own,
                                      [o.span for o in credited] + page.own)
    credited += _repeats_of_credited(doc.text, credited)
    if wire and wire.span is None:
        return credited + [wire]
    root = ctx.copy_of.get(doc.id)
    if root and root in ctx.headers:
        inherited = _inherited(root, ctx)
        carried = _copied_passages(doc, root, credited, ctx)
        return credited + carried + ([inherited] if inherited.key != mine else [])
    retold = _retellings(doc, mine, ctx) if not wire else []
    if len(retold) == 1 and retold[0].span is None:
        return credited + retold
    passages = _passage_origins(doc, mine, ctx)
    if wire:  # a wire story further down the page: the page's own text before it may share passages
        passages = [p for p in passages if p.span[1] <= wire.span[0]] + [wire]
    return credited + retold + passages


def _repeats_of_credited(text: str, credited: list[Origin]) -> list[Origin]:
    """Other sentences of the page that repeat a credited sentence nearly word for word: a summary
    bullet or standfirst restating, uncredited, what the body credits to another outlet ("Afghan
    troops called in air support …" above "… called in air support …, reports BBC News")."""
    if not credited:
        return []
    sentences = SentenceShingles(text)
    out: list[Origin] = []
    for origin in credited:
        hits = sentences.shares(shingles(text[origin.span[0]:origin.span[1]]))
        if hits is None:
            continue
        for span, h in zip(sentences.spans, hits.tolist()):
            if h >= MIN_SHARED and not any(o.span[0] < span[1] and span[0] < o.span[1] for o in credited + out):
                out.append(Origin(outlet=origin.outlet, key=origin.key, span=span,
                                  why=f"repeats a sentence that {origin.why}"))
    return out


def _copied_passages(doc: Document, root: str, taken: list[Origin], ctx: SourcingContext) -> list[Origin]:
    """A near-duplicate of a page (an updated version, a second URL, a repost) carries that page's
    passages of other outlets: each sentence close to one the page owes another outlet owes it too.
    Read from the page's text, so only for a page of this batch."""
    page = ctx.batch.get(root)
    owed = [o for o in ctx.origins.get(root, []) if o.span is not None and not o.why.startswith("credits ")]
    if page is None or not owed:
        return []
    sentences = SentenceShingles(doc.text)
    out: list[Origin] = []
    for origin in owed:
        hits = sentences.shares(shingles(page.text[origin.span[0]:origin.span[1]]))
        if hits is None:
            continue
        for span, h in zip(sentences.spans, hits.tolist()):
            if h >= MIN_SHARED and not any(o.span[0] < span[1] and span[0] < o.span[1] for o in taken + out):
                out.append(Origin(outlet=origin.outlet, key=origin.key, span=span, document=origin.document,
                                  why=f"copied with its page, document {root[:12]} ({origin.why})"))
    return sorted(out, key=lambda o: o.span)


def _inherited(root: str, ctx: SourcingContext) -> Origin:
    head = ctx.headers[root]
    whole = next((o for o in ctx.origins.get(root, []) if o.span is None), None)
    if whole:
        return Origin(outlet=whole.outlet, key=whole.key, document=root,
                      why=f"copy of a {outlet_name(head)} page ({whole.why})")
    return Origin(outlet=outlet_name(head), key=own_key(head), document=root,
                  why=f"near-duplicate of {_page(head)}")


def _whole_wire(doc_id: str, ctx: SourcingContext) -> Optional[Origin]:
    """The wire credit of a batch document whose whole text is the wire's."""
    wire = ctx.wires.get(doc_id)
    return wire if wire is not None and wire.span is None else None


def _passage_origins(doc: Document, mine: str, ctx: SourcingContext) -> list[Origin]:
    me = order_key(doc)
    near = [c for c in ctx.candidates.get(doc.id, ()) if c != doc.id]
    # an earlier page that credits this page's outlet took its shared words from it, not the reverse
    cands = [c for c in near if c in ctx.headers and order_key(ctx.headers[c]) < me
             and own_key(ctx.headers[c]) != mine and not _credits_outlet(c, mine, ctx)][:MAX_CANDIDATES]
    cands.sort(key=lambda c: order_key(ctx.headers[c]))
    # a wire story carried later in the batch still wrote the words first: a page sharing its
    # passages (an outlet that printed the wire's paragraph under its own name) has the wire's words,
    # unless the wire story credits this page's outlet (an AP story on the Times' interview quoted it)
    later_wires = [c for c in near if _whole_wire(c, ctx) is not None and c not in cands
                   and _whole_wire(c, ctx).key != mine and not _credits_outlet(c, mine, ctx)][:MAX_CANDIDATES]
    # and a page of an outlet this page credits wrote the words this page shares with it, whichever
    # was stored first (an aggregator crediting "RussiaToday" and carrying RT's sentences)
    credited = {o.key for o in ctx.credited[doc.id].others} if doc.id in ctx.credited else set()
    later_credited = [c for c in near if c in ctx.batch and c not in cands and c not in later_wires
                      and own_key(ctx.batch[c]) in credited - {mine}][:MAX_CANDIDATES]
    # a sentence's shingles are the page's own, so a page sharing none with a candidate shares no sentence
    # with it: the sentences are read only for candidates that share something (most LSH candidates share
    # only words, not 5-word runs)
    whole = ctx.shingles_of(doc.id)
    others = [(cand, other) for cand in cands + later_wires + later_credited
              if (other := ctx.shingles_of(cand)) is not None and (whole is None or shares_any(whole, other))]
    if not others:
        return []
    sentences = SentenceShingles(doc.text)
    taken: list[Origin] = []
    for cand, other in others:  # earliest first: the first outlet to publish a passage is its origin
        whole_wire, head = _whole_wire(cand, ctx), ctx.headers.get(cand, ctx.batch.get(cand))
        from_credited = (head is not None and own_key(head) in credited) or (whole_wire is not None and whole_wire.key in credited)
        for span, n in sentences.shared(other, from_credited):
            if any(o.span[0] < span[1] and span[0] < o.span[1] for o in taken):
                continue
            if cand in later_wires:
                wire = _whole_wire(cand, ctx)
                taken.append(Origin(outlet=wire.outlet, key=wire.key, span=span, document=cand,
                                    why=_shared_why(n, f"a later {wire.outlet} copy, document {cand[:12]} ({wire.why})")))
                continue
            if cand in later_credited:
                taken.append(Origin(outlet=outlet_name(head), key=own_key(head), span=span, document=cand,
                                    why=_shared_why(n, f"{_page(head)}, an outlet the page credits")))
                continue
            head = ctx.headers[cand]
            whole = next((o for o in ctx.origins.get(cand, []) if o.covers(span) and o.span is None), None)
            outlet, key = (whole.outlet, whole.key) if whole else (outlet_name(head), own_key(head))
            if key == mine:
                continue
            why = _shared_why(n, _page(head))
            taken.append(Origin(outlet=outlet, key=key, why=why + (f" ({whole.why})" if whole else ""),
                                span=span, document=cand))
    return sorted(taken, key=lambda o: o.span)


def _rewrite_sources(doc: Document, mine: str, ctx: SourcingContext) -> list[str]:
    """Earlier pages of the batch, of other outlets, that `doc` may retell (`rewrites`), earliest
    first. Only pages of the batch are read: their texts are at hand."""
    me = order_key(doc)
    cands = [c for c in ctx.candidates.get(doc.id, ()) if c != doc.id and c in ctx.batch
             and order_key(ctx.batch[c]) < me and own_key(ctx.batch[c]) != mine and not _credits_outlet(c, mine, ctx)]
    return sorted(cands, key=lambda c: order_key(ctx.batch[c]))


def _retellings(doc: Document, mine: str, ctx: SourcingContext) -> list[Origin]:
    """Origins of a page that retells earlier pages of the batch in other words (`rewrites`): the
    whole page is one page's when it retells that page sentence by sentence and most of what it
    retells comes from that page's origin; else, when it is made mostly of sentences retold from
    several pages, each such sentence is its page's."""
    cands = _rewrite_sources(doc, mine, ctx)
    if not cands:
        return []
    text = _rewrite_text(doc, ctx)
    sources = [(c, _rewrite_text(ctx.batch[c], ctx)) for c in cands]
    best, source = 0, None
    for c, other in sources:
        n = text.rewrites(other)
        if n > best:
            best, source = n, c
    retold = [o for span, c in text.retold(sources)
              if (o := _retelling(c, mine, "retells a sentence of {page} in other words, on a page made mostly "
                                  "of such sentences", span, ctx)) is not None]
    whole = _retelling(source, mine, f"retells {best} sentences of {{page}} in other words", None, ctx) if source else None
    if whole is not None and sum(o.key == whole.key for o in retold) >= WHOLE_RETOLD * len(retold):
        # the page is that page's, but for the lines telling what it never said: those are the page's own
        own = text.own_lines(_rewrite_text(ctx.batch[source], ctx))
        return [whole.model_copy(update={"span": span}) for span in _between(own, len(doc.text))] if own else [whole]
    return retold


def _between(spans: list[Span], length: int) -> list[Span]:
    """The stretches of a text of `length` characters outside `spans` (sorted, not overlapping)."""
    out, at = [], 0
    for start, end in spans:
        if start > at:
            out.append((at, start))
        at = max(at, end)
    if at < length:
        out.append((at, length))
    return out


def _retelling(source: str, mine: str, why: str, span: Optional[Span], ctx: SourcingContext) -> Optional[Origin]:
    """The origin owed to page `source` for words retold from it: its own whole origin, else its outlet."""
    head = ctx.headers.get(source, ctx.batch[source])
    whole = next((o for o in ctx.origins.get(source, []) if o.span is None), None)
    outlet, key = (whole.outlet, whole.key) if whole else (outlet_name(head), own_key(head))
    if key == mine:
        return None
    page = f"{head.outlet} document {source[:12]}" if head.outlet else f"document {source[:12]}"
    why = why.format(page=page) + (f" ({whole.why})" if whole else "")
    return Origin(outlet=outlet, key=key, document=source, span=span, why=why)


def _rewrite_text(doc: Document, ctx: SourcingContext) -> RewriteText:
    found = ctx.rewrite_texts.get(doc.id)
    if found is None:
        found = ctx.rewrite_texts[doc.id] = RewriteText(doc.text)
    return found


def _credits_outlet(doc_id: str, key: str, ctx: SourcingContext) -> bool:
    page = ctx.credited.get(doc_id)
    return page is not None and any(o.key == key for o in page.others)


def _shared_why(n: int, other: str) -> str:
    if n > 1:
        return f"{n} sentences shared with {other}"
    if n == 1:
        return f"a sentence shared word for word with {other}"
    return f"a sentence close to one of {other}, on a page that copies others of its sentences"
