"""What a test does when a system program it drives (Chromium, PostgreSQL) or the shared data it
reads (the development corpus, the sample articles) is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def require_system_program(what: str) -> None:
    """Skip on a user's machine; fail in CI (CI=true), where `make test` installs the program, so a
    green run never hides a path that was not tested."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: `make system-deps` should have installed it")
    pytest.skip(f"{what} is not installed")


def require_shared_data(what: str) -> None:
    """Skip on a user's machine without ../shared; fail in CI (CI=true), where ../shared is always laid
    beside the checkout, so a corpus test never passes by not running."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: ../shared (or CLAIMDESK_SHARED) should hold it")
    pytest.skip(f"{what} is missing")


def shared_files(folder: Path, pattern: str, at_least: int) -> list[Path]:
    """The files of `folder` matching `pattern`, sorted; fewer than `at_least` is missing shared data
    (a skip on a user's machine, a failure in CI), never a test that runs on nothing."""
    files = sorted(folder.glob(pattern))
    if len(files) < at_least:
        require_shared_data(f"{at_least} files {folder / pattern} (found {len(files)})")
    return files
