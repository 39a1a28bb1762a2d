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


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    severity: Severity
    message: str
    requires: tuple[str, ...]


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    data = json.loads(resources.files("claimdesk.audit").joinpath("placeholders.json").read_text("utf-8"))
    out = []
    for item in data["patterns"]:
        flags = re.IGNORECASE if item.get("case", "ignore") == "ignore" else 0
        out.append(Pattern(item["name"], re.compile(item["pattern"], flags), item["severity"], item["message"],
                           tuple(item.get("requires", ()))))
    return tuple(out)


def check(ctx: AuditContext) -> list[Finding]:
    hits: dict[tuple[int, int], Pattern] = {}
    lower = ctx.lower
    for pattern in patterns():
        if pattern.requires and not any(r in lower for r in pattern.requires):
            continue
        for m in pattern.regex.finditer(ctx.text):
            if m.end() > m.start():
                hits.setdefault(m.span(), pattern)
    findings = []
    last_end = -1
    for span in sorted(hits, key=lambda s: (s[0], -s[1])):
        if span[0] < last_end:
            continue  # inside a longer placeholder already reported
        last_end = span[1]
        pattern = hits[span]
        findings.append(ctx.finding(KIND, pattern.severity, span, f"{pattern.message} ({pattern.name})"))
    return findings
