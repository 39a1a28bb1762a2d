"""Which files an ingest reads: files as given, folders walked recursively in sorted order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from claimdesk.ingest.dispatch import SUFFIXES, suffix_of

# A folder walk reads only files whose format is known. Markdown is read when named on its own,
# but not from folders, where .md files are READMEs and notes rather than articles; nor are the
# `.expected.json` sidecars that say what claimdesk must find in the article beside them.
FOLDER_SUFFIXES = frozenset(SUFFIXES) - {".md", ".expected.json"}


@dataclass(frozen=True)
class Skipped:
    """A folder entry a walk did not read, and why. `unreadable` entries (a sub-folder that cannot
    be listed) are failures; the others (unknown formats, hidden entries) are choices."""

    path: Path
    reason: str
    unreadable: bool = False


SkipCallback = Callable[[Skipped], None]


def iter_input_files(paths: list[Path], on_skip: Optional[SkipCallback] = None) -> Iterator[Path]:
    """The files to read, in the order given, each once.

    A file is yielded as given, whatever its suffix (the reader sniffs or rejects it), and so is a
    path that does not exist, so that it is reported as rejected rather than silently dropped. A
    folder yields its files recursively in sorted order, skipping hidden files and folders and
    files of unknown formats (e.g. the `.expected.json` sidecars next to sample articles) and raw
    pages saved beside their news-please record (`X.html` next to `X.html.json`); each
    skipped entry, and each sub-folder that cannot be listed, is passed to `on_skip` with its reason.
    """
    seen: set[str] = set()
    for path in paths:
        files = _walk(path, on_skip or (lambda _s: None)) if path.is_dir() else [path]
        for file in files:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path, on_skip: SkipCallback) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        on_skip(Skipped(Path(error.filename or folder), f"cannot read the folder: {error.strerror or error}",
                        unreadable=True))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        for hidden in sorted(d for d in dirs if d.startswith(".")):
            on_skip(Skipped(Path(root, hidden), "hidden folder, not read"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        present = set(names)
        for name in sorted(names):
            file = Path(root, name)
            if name.startswith("."):
                on_skip(Skipped(file, "hidden file, not read"))
            elif f"{name}.json" in present and suffix_of(file) in (".html", ".htm"):
                # news-please saves a page's raw HTML beside its record (X.html and X.html.json):
                # one article, read once, from the record and its metadata
                on_skip(Skipped(file, f"the raw page of the news-please record {name}.json, read instead"))
            elif suffix_of(file) not in FOLDER_SUFFIXES:
                on_skip(Skipped(file, _unknown_reason(file)))
            else:
                yield file


def _unknown_reason(file: Path) -> str:
    suffix = suffix_of(file)
    if suffix == ".md":
        return "Markdown in a folder is taken for notes, not an article (name the file to read it)"
    if suffix == ".expected.json":
        return "an expected-findings sidecar, not an article (name the file to read it)"
    known = ", ".join(sorted({s for s in FOLDER_SUFFIXES if s.count(".") == 1}))
    return f"unknown type {suffix or '(no suffix)'!r}: a folder ingest reads {known}"
