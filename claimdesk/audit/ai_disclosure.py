"""AI disclosure: the article says that AI helped write, research or illustrate it.

Not an error: a reason to check its claims more closely (severity info). A sentence counts when
it names AI, says it produced or researched content, and speaks about this outlet or article
(a disclaimer, "this article", "we use"), so news *about* AI tools is left alone.
"""

from __future__ import annotations

import re

from claimdesk.audit.context import AuditContext
from claimdesk.models import Finding

KIND = "ai_disclosure"

_AI = re.compile(
    r"\b(?:A\.?I\.?(?:-(?:generated|assisted|powered|based|written))?|artificial intelligence|generative AI|"
    r"ChatGPT|GPT-?\d\w*|large language models?|LLMs?|language models?|"
    r"machine[- ]learning(?: tools?| models?| software)?|"
    # an assistant by name, not a person so called ("edited by Claude", "Claude Monet", "with Claude van Damme")
    r"(?:Anthropic['’]s Claude|Claude (?:AI|chatbot|assistant)|"
    r"(?:with|using) Claude(?! [A-Z]| (?:van|von|de|du|la|le)\b))(?![\w'’-])|"
    r"Google Gemini|Microsoft Copilot|"
    r"automated (?:writing|journalism) (?:tools?|software|technology))(?![\w-])"
)
# every _AI match contains one of these (a cheap test that skips most articles)
_GATE = ("AI", "A.I", "artificial intelligence", "ChatGPT", "GPT", "language model", "LLM", "automated",
         "machine learning", "machine-learning", "Claude", "Gemini", "Copilot")
_PRODUCE = re.compile(
    r"\b(?:utili[sz]\w*|uses?|used|using|employ\w*|rel(?:y|ies|ied) on|leverag\w*|help\w*|assist\w*|aid\w*|"
    r"writ\w*|wrote|draft\w*|generat\w*|creat\w*|produc\w*|research\w*|edit\w*|translat\w*|summari[sz]\w*|"
    r"compil\w*|compos(?:ed|ing)\b(?!\s+of\b)|illustrat\w*|fact-check\w*|made with|with the (?:help|assistance|aid|support) of)\b",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"^\s*(?:disclaimer|disclosure|editor['’]?s note|note|transparency note|about this (?:article|story))\s*[:\-–—]|"
    r"\b(?:this|the following) (?:article|story|report|piece|post|content|summary|newsletter|text|column|explainer|"
    r"image|illustration|photo|graphic|translation)s?\b|"
    r"\bour (?:articles?|stories|reporting|content|newsroom|journalists|editors|writers|staff|team|site|images)\b|"
    r"\b(?:we|i) (?:use|used|utili[sz]e|utili[sz]ed|employ|employed|rely|relied|leverage|leveraged|may use)\b|"
    r"\b(?:article|content|image|story|editorial|news) (?:research|generation|writing|creation|production)\b|"
    r"\b(?:the )?(?:text|article|story|report|summary|content|piece|copy) (?:above|below)\b|\bthe above (?:text|article|story)\b",
    re.IGNORECASE,
)


def check(ctx: AuditContext) -> list[Finding]:
    text = ctx.text
    findings = []
    if not any(g in text for g in _GATE):
        return findings
    for idx in sorted({ctx.sentence_index(m.start()) for m in _AI.finditer(text)}):
        start, end = ctx.sentences[idx]
        sentence = text[start:end]
        ai = _AI.search(sentence)
        if not ai or not _PRODUCE.search(sentence) or not _SELF.search(sentence):
            continue
        span = _trim(start, end, text)
        findings.append(ctx.finding(
            KIND, "info", span,
            f"the article says AI ({ai.group(0)}) helped produce it: check its claims more closely",
        ))
    return findings


def _trim(start: int, end: int, text: str) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
