"""Which hedge words doubt a statement, and which only make a figure approximate or a clause
conditional. Kept apart from `claimdesk.extraction.hedging` (which finds hedges with spaCy) so that
corroboration reads them without loading the parser."""

from __future__ import annotations

APPROXIMATORS = frozenset({"about", "around", "nearly", "almost", "approximately", "roughly", "some"})
# hedges that make a figure approximate or a clause conditional ("about 500 miles", "up to 10 cents",
# "investigating whether he fell asleep"), not the statement doubtful
NOT_DOUBT = frozenset(APPROXIMATORS | {"up to", "as many as", "if", "whether"})


def doubts(hedges: list[str]) -> list[str]:
    """The hedges that make a statement doubtful ("reportedly", "may", "is believed to").

    >>> doubts(["about", "reportedly", "if"])
    ['reportedly']
    """
    return [h for h in hedges if h not in NOT_DOUBT]
