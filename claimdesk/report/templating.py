"""The Jinja environment for claimdesk's HTML: autoescaping on for everything, always."""

from __future__ import annotations

from importlib import resources

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader

from claimdesk.models import STORY_STATUSES
from claimdesk.report.safe import web_url


def environment(*extra_template_dirs: str) -> Environment:
    loaders = [FileSystemLoader(d) for d in extra_template_dirs] + [PackageLoader("claimdesk.report", "templates")]
    env = Environment(loader=ChoiceLoader(loaders), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals["statuses"] = STORY_STATUSES
    env.filters["web_url"] = web_url
    return env


def asset(name: str) -> str:
    return resources.files("claimdesk.report").joinpath("assets", name).read_text(encoding="utf-8")
