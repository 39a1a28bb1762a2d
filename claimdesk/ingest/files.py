"""Which files an ingest reads: files as given, folders walked recursively in sorted order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from claimdesk.ingest.dispatch import SUFFIXES, suffix_of

# A folder walk reads only files whose format is known. Markdown is read when named on its own,
# but not from folders, where .md files are READMEs and notes rather than articles.
FOLDER_SUFFIXES = frozenset(SUFFIXES) - {".md"}


def iter_input_files(paths: list[Path]) -> Iterator[Path]:
    """The files to read, in the order given, each once.

    A file is yielded as given, whatever its suffix (the reader sniffs or rejects it), and so is a
    path that does not exist, so that it is reported as rejected rather than silently dropped. A
    folder yields its files recursively in sorted order, skipping hidden files and folders and
    files of unknown formats (e.g. the `.expected.json` sidecars next to sample articles).
    """
    seen: set[str] = set()
    for path in paths:
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            file = Path(root, name)
            if not name.startswith(".") and suffix_of(file) in FOLDER_SUFFIXES:
                yield file
