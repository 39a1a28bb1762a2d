"""Placeholders: leftovers of an unfinished draft or template ("(Screenshot)", "TK", "{{name}}",
"As an AI language model", …). The patterns live in `placeholders.json`, not in code."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from claimdesk.audit.context import AuditContext
from claimdesk.models import Finding, Severity

KIND = "placeholder"
MEDIA = "media placeholder"  # the pattern name (placeholders.json) of an empty media slot
MERGE_GAP = 20  # "As an AI developed by OpenAI, I don't have personal opinions" is one leftover


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    severity: Severity
    message: str
    requires: tuple[str, ...]
    starts_with: str
    exact: bool


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    data = json.loads(resources.files("claimdesk.audit").joinpath("placeholders.json").read_text("utf-8"))
    out = []
    for item in data["patterns"]:
        flags = re.IGNORECASE if item.get("case", "ignore") == "ignore" else 0
        out.append(Pattern(item["name"], re.compile(item["pattern"], flags), item["severity"], item["message"],
                           tuple(item.get("requires", ())), item.get("starts_with", ""), not flags))
    return tuple(out)


def check(ctx: AuditContext) -> list[Finding]:
    hits: dict[tuple[int, int], Pattern] = {}
    text, lower = ctx.text, ctx.lower
    starts: dict[str, list[int]] = {}
    for pattern in patterns():
        if pattern.requires and not any(r in (text if pattern.exact else lower) for r in pattern.requires):
            continue
        if pattern.starts_with:
            for char in pattern.starts_with:
                if char not in starts:
                    starts[char] = _positions(text, char)
            candidates = (pattern.regex.match(text, p) for c in pattern.starts_with for p in starts[c])
            matches = [m for m in candidates if m]
        else:
            matches = pattern.regex.finditer(text)
        for m in matches:
            if m.end() > m.start():
                hits.setdefault(m.span(), pattern)
    merged: list[tuple[int, int, Pattern]] = []
    for span in sorted(hits, key=lambda s: (s[0], -s[1])):
        pattern = hits[span]
        if merged and span[0] < merged[-1][1]:
            continue  # inside a longer placeholder already reported
        if merged and merged[-1][2] is pattern and span[0] - merged[-1][1] <= MERGE_GAP \
                and "\n" not in ctx.text[merged[-1][1]:span[0]]:
            merged[-1] = (merged[-1][0], span[1], pattern)  # one leftover, matched twice
            continue
        merged.append((span[0], span[1], pattern))
    return [ctx.finding(KIND, p.severity, (s, e), f"{p.message} ({p.name})") for s, e, p in merged]


def _positions(text: str, char: str) -> list[int]:
    out, at = [], text.find(char)
    while at >= 0:
        out.append(at)
        at = text.find(char, at + 1)
    return out
