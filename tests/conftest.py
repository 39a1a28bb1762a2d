"""Shared fixtures: where the real corpus and the sample article are, and a fresh store per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from system_programs import require_shared_data

REPO = Path(__file__).resolve().parent.parent

pytest_plugins = ["postgres_server"]  # the real PostgreSQL server for tests marked `postgres`


def _shared() -> Path:
    return Path(os.environ.get("CLAIMDESK_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    path = Path(os.environ.get("CLAIMDESK_CORPUS", _shared() / "corpus"))
    if not path.is_dir():
        require_shared_data(f"the development corpus is not at {path} (set CLAIMDESK_CORPUS)")
    return path


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    path = _shared() / "samples"
    if not path.is_dir():
        require_shared_data(f"the sample articles are not at {path} (set CLAIMDESK_SHARED)")
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'claimdesk.sqlite'}"

