"""Duplicated passages: paragraphs that repeat earlier ones word for word or nearly so.

Each paragraph is reduced to its lower-cased words. Exact repeats are found by that key; near
repeats (a changed word or two) by word-trigram overlap. Runs of consecutive repeated paragraphs
are then merged, so a copied block of nine paragraphs is ONE finding pointing at the first copy.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import islice

from claimdesk.audit.context import AuditContext
from claimdesk.models import Finding

KIND = "duplicated_passage"
NEAR_RATIO = 0.85         # difflib ratio over words: one changed word in 15 still matches
SKETCH = 4                # words in a paragraph's sketch
SKETCH_SHARED = 2         # sketch words in common that make two paragraphs worth comparing
MIN_BLOCK_WORDS = 15      # shorter repeats ("Advertisement", bylines, headers) are not passages
MIN_NEAR_WORDS = 8        # near matching only for paragraphs this long
MAX_MATCHES = 20          # a boilerplate line repeated hundreds of times must not go quadratic
MAX_NEAR_CHECKS = 4       # word-by-word comparisons per paragraph, the likeliest candidates first
ERROR_WORDS = 40


def check(ctx: AuditContext) -> list[Finding]:
    # separators such as "___" or "—" carry no words: they neither start nor break a block
    paragraphs, words = [], []
    for span, ws in zip(ctx.paragraphs, ctx.paragraph_words):
        if ws:
            paragraphs.append(span)
            words.append(ws)
    if len(paragraphs) < 2:
        return []
    matches = _matches(words)
    if not matches:
        return []
    runs = _runs(matches)
    findings = []
    covered: set[int] = set()
    for copy_start, copy_end, src_start, src_end in sorted(runs, key=lambda r: (r[0] - r[1], r[0])):
        copy = range(copy_start, copy_end + 1)
        if any(k in covered for k in copy):
            continue
        n_words = max(sum(len(words[k]) for k in copy), sum(len(words[k]) for k in range(src_start, src_end + 1)))
        if n_words < MIN_BLOCK_WORDS:
            continue
        covered.update(copy)
        first = (paragraphs[src_start][0], paragraphs[src_end][1])
        span = (paragraphs[copy_start][0], paragraphs[copy_end][1])
        length = len(copy)
        # one repeated paragraph may be a pull quote or an abstract; a repeated block is a paste
        severity = "error" if length > 1 and n_words >= ERROR_WORDS else "warning"
        what = f"{length} paragraphs" if length > 1 else "a paragraph"
        findings.append(ctx.finding(
            KIND, severity, span,
            f"{what} ({n_words} words) repeat{'' if length > 1 else 's'} an earlier passage "
            f"(lines {ctx.line_of(first[0])}-{ctx.line_of(first[1] - 1)})",
            related=first,
        ))
    return findings


def _matches(words: list[list[str]]) -> dict[int, list[int]]:
    """paragraph index -> earlier paragraph indices that it repeats (exactly or nearly).

    Near repeats are found through a bottom-k sketch of each paragraph's longer words (the k with
    the smallest hashes): a copy with a word or two changed keeps most of its sketch, so sharing
    two sketch words makes a candidate, which difflib then compares word by word.
    """
    exact: dict[tuple[str, ...], list[int]] = {}
    sketch_index: dict[str, list[int]] = {}
    out: dict[int, list[int]] = {}
    for j, ws in enumerate(words):
        key = tuple(ws)
        same = exact.get(key, ())
        # the first copies, and the latest one so that a long run of repeats stays one block
        found = list(same[:MAX_MATCHES]) + ([same[-1]] if len(same) > MAX_MATCHES else [])
        if not found and len(ws) >= MIN_NEAR_WORDS:  # an exact repeat needs no near match
            vocab = set(ws)
            sketch = list(islice((w for w in sorted(vocab, key=hash) if len(w) > 3), SKETCH))
            shared: dict[int, int] = {}
            for w in sketch:
                earlier = sketch_index.get(w)
                if earlier:
                    for i in earlier[-MAX_MATCHES:]:
                        shared[i] = shared.get(i, 0) + 1
                    earlier.append(j)
                else:
                    sketch_index[w] = [j]
            candidates = sorted((i for i, n in shared.items() if n >= SKETCH_SHARED),
                                key=lambda i: (-shared[i], i))[:MAX_NEAR_CHECKS]
            for i in sorted(candidates):
                if not _close_enough(words[i], ws):
                    continue
                matcher = SequenceMatcher(None, words[i], ws, autojunk=False)
                if matcher.real_quick_ratio() >= NEAR_RATIO and matcher.quick_ratio() >= NEAR_RATIO \
                        and matcher.ratio() >= NEAR_RATIO:
                    found.append(i)
        if found:
            out[j] = sorted(found)
        exact.setdefault(key, []).append(j)
    return out


def _close_enough(a: list[str], b: list[str]) -> bool:
    """Cheap upper bounds of difflib's ratio, before building a SequenceMatcher."""
    if 2 * min(len(a), len(b)) < NEAR_RATIO * (len(a) + len(b)):
        return False
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) >= NEAR_RATIO * (len(sa) + len(sb)) - 2


def _runs(matches: dict[int, list[int]]) -> list[tuple[int, int, int, int]]:
    """Maximal runs of consecutive repeated paragraphs: (copy_start, copy_end, src_start, src_end)."""
    run: dict[tuple[int, int], int] = {}
    for j in sorted(matches):
        for i in matches[j]:
            run[(j, i)] = run.get((j - 1, i - 1), 0) + 1
    out = []
    for (j, i), length in run.items():
        if (j + 1, i + 1) in run:
            continue  # not the end of its run
        src_start = i - length + 1
        copy_start = j - length + 1
        if copy_start <= i:
            # the copy overlaps its source (a passage repeated back to back): one period is the
            # source, the rest is the copy
            period = j - i
            copy_start, i = src_start + period, src_start + period - 1
        out.append((copy_start, j, src_start, i))
    return out
