"""The package rules of docs/architecture.md, checked on the source: only `store/` speaks SQL and
declares tables, stages import only downward (function-local imports included, so none can hide
an upward one), and no two modules import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimdesk"

# Bottom to top. A module may import claimdesk modules of its own package and of lower layers only.
LAYERS: list[set[str]] = [
    {"textclean"},
    {"models"},
    {"language", "outlets", "workers"},
    {"furniture"},
    {"ingest"},
    {"audit"},
    {"extraction"},
    {"store"},
    {"corroborate"},
    {"pipeline", "review"},
    {"report"},
    {"scale", "web"},
    {"cli"},
    {"__main__"},
]
# Packages that may import SQLAlchemy: the store, and the CLI's edge (it names database errors and
# checks a --db URL before any store is opened).
SQL_ALLOWED = {"store"}
SQL_ALLOWED_FILES = {"cli/edge.py"}
PENDING_MOVE: set[str] = set()


def _modules(root: Path) -> dict[str, Path]:
    out = {}
    for path in root.rglob("*.py"):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every module name `path` imports (at any depth, so function-local imports count), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(f"{node.module}.{a.name}", node.lineno) for a in node.names]
    return found


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    while name not in modules and "." in name:
        name = name.rsplit(".", 1)[0]
    return name if name in modules else None


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def upward_imports(root: Path, layers: list[set[str]]) -> list[str]:
    rank = {package: i for i, layer in enumerate(layers) for package in layer}
    modules = _modules(root)
    wrong = []
    for module, path in sorted(modules.items()):
        here = _package(module)
        if here == root.name:
            continue  # the package's own __init__
        for name, line in _imports(path):
            target = _resolve(name, modules) if name.startswith(root.name) else None
            if target is None or _package(target) in (here, root.name):
                continue
            there = _package(target)
            if here not in rank or there not in rank:
                wrong.append(f"{path.relative_to(root)}:{line}: {here} or {there} is in no layer")
            elif rank[there] >= rank[here]:
                wrong.append(f"{path.relative_to(root)}:{line}: {here} imports {target} ({there} is not below it)")
    return wrong


def import_cycles(root: Path) -> list[list[str]]:
    modules = _modules(root)
    edges = {m: set() for m in modules}
    for module, path in modules.items():
        for name, _ in _imports(path):
            target = _resolve(name, modules) if name.startswith(root.name) else None
            if target and target != module:
                edges[module].add(target)
    # Tarjan's strongly connected components: a component of more than one module is a cycle
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return cycles


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_only_the_store_speaks_sql():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = _relative(path)
        if rel.split("/")[0] in SQL_ALLOWED or rel in SQL_ALLOWED_FILES or rel in PENDING_MOVE:
            continue
        wrong += [f"{rel}:{line}: imports {name}" for name, line in _imports(path) if name.split(".")[0] == "sqlalchemy"]
    assert wrong == []


def tables_declared(path: Path) -> list[int]:
    """Lines where `path` builds a SQLAlchemy Table or MetaData."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             and (node.module or "").startswith("sqlalchemy") for a in node.names if a.name in ("Table", "MetaData")}
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "id", None) in names]


def test_every_table_is_declared_in_store_schema():
    declared = {_relative(p): tables_declared(p) for p in sorted(PACKAGE.rglob("*.py"))}
    assert declared["store/schema.py"]  # the check finds tables where they are
    assert {f for f, lines in declared.items() if lines} - {"store/schema.py", *PENDING_MOVE} == set()


def test_every_package_is_in_a_layer():
    placed = {p for layer in LAYERS for p in layer}
    packages = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
                if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()}
    assert packages - placed == set()


def test_stages_import_only_downward():
    assert upward_imports(PACKAGE, LAYERS) == []


def test_no_two_modules_import_each_other():
    assert import_cycles(PACKAGE) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("late_import", [False, True])
def test_the_checks_catch_an_upward_import_and_a_cycle(tmp_path: Path, late_import: bool):
    """The rules above can fail: an upward import is found even inside a function, and so is the
    cycle it closes; a downward import alone is neither."""
    up = "def f():\n    from pkg.top import g\n" if late_import else "from pkg.top import g\n"
    root = _tree(tmp_path, {"low/__init__.py": "", "low/a.py": up, "top/__init__.py": "from pkg.low.a import f\ng = 1\n"})
    layers = [{"low"}, {"top"}]
    assert upward_imports(root, layers) == [f"low/a.py:{2 if late_import else 1}: low imports pkg.top (top is not below it)"]
    assert import_cycles(root) == [["pkg.low.a", "pkg.top"]]
    clean = _tree(tmp_path / "clean", {"low/__init__.py": "", "low/a.py": "x = 1\n", "top/__init__.py": "from pkg.low.a import x\n"})
    assert upward_imports(clean, layers) == [] and import_cycles(clean) == []


def test_corroboration_runs_without_loading_the_parser():
    """`claimdesk corroborate` reads stored claims: importing spaCy there cost 200 MB of peak memory
    at 10k documents (bench/corroborate.py, 722 -> 937 MB) when status.py read the hedge lists
    through the extractor's hedging module."""
    import subprocess
    import sys

    code = "import sys, claimdesk.corroborate.engine; print(sorted(m for m in ('spacy', 'torch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent).stdout.strip()
    assert out == "[]"
