"""Fit the page-furniture model (claimdesk/furniture/model.json) on the development part of the
hand-labelled lines, choosing its settings by cross-validation grouped by outlet/incident.

    .venv/bin/python bench/train_furniture.py [--corpus ../shared/corpus]

Data: tests/fixtures/furniture_labels.tsv (lines of news_cluster and GVC val pages, labelled by
hand, texts read in place). Split: groups (news_cluster outlets, GVC incidents) for which
`bench.corpora.news_pages.is_held_out` is true are held out and never read here; the
regularisation C and the probability threshold are chosen by 5-fold GroupKFold on the rest,
maximising furniture F1, and the model is then fitted on all development lines. Held-out figures
come from bench/eval_furniture.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpora.news_pages import read_labels, read_pages  # noqa: E402
from claimdesk.furniture import REPEATED_PAGES, outlet_key  # noqa: E402
from claimdesk.furniture.lines import FEATURES, features, lines_of  # noqa: E402

LABELS = REPO / "tests" / "fixtures" / "furniture_labels.tsv"
MODEL = REPO / "claimdesk" / "furniture" / "model.json"
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.81, 0.05))


def repeated_keys(pages) -> dict[str, set[str]]:  # noqa: ANN001
    """outlet -> keys of lines printed on at least REPEATED_PAGES of its pages in the corpus:
    what the store's per-outlet count would say after ingesting the whole corpus."""
    counts: dict[tuple[str, str], int] = {}
    for page in pages:
        outlet = outlet_key(page.outlet)
        if outlet:
            for key in {line.key for line in lines_of(page.text)}:
                counts[(outlet, key)] = counts.get((outlet, key), 0) + 1
    out: dict[str, set[str]] = {}
    for (outlet, key), n in counts.items():
        if n >= REPEATED_PAGES:
            out.setdefault(outlet, set()).add(key)
    return out


def labelled_matrix(labels, repeats):  # noqa: ANN001, ANN201
    """Feature rows, labels and groups of the labelled lines, each page featurised whole."""
    rows, ys, groups, refs = [], [], [], []
    by_page: dict[str, list] = {}
    for item in labels:
        by_page.setdefault(item.page.key, []).append(item)
    for items in by_page.values():
        page = items[0].page
        lines = lines_of(page.text)
        feats = dict(zip((line.number for line in lines), features(lines, repeats.get(outlet_key(page.outlet), set()))))
        for item in items:
            rows.append(feats[item.line])
            ys.append(int(item.furniture))
            groups.append(page.group)
            refs.append(item)
    return np.array(rows, dtype=float), np.array(ys), np.array(groups), refs


def f1(y, pred) -> float:  # noqa: ANN001
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus"))
    args = parser.parse_args()
    pages = read_pages(Path(args.corpus))
    labels = [item for item in read_labels(LABELS, pages) if not item.held_out]
    X, y, groups, _ = labelled_matrix(labels, repeated_keys(pages))
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    folds = list(GroupKFold(n_splits=5).split(Z, y, groups))
    best = (-1.0, None, None)
    for c in C_GRID:
        proba = np.zeros(len(y))
        for train, test in folds:
            model = LogisticRegression(C=c, max_iter=2000).fit(Z[train], y[train])
            proba[test] = model.predict_proba(Z[test])[:, 1]
        for t in THRESHOLDS:
            score = f1(y, (proba >= t).astype(int))
            if score > best[0]:
                best = (score, c, t)
    score, c, t = best
    model = LogisticRegression(C=c, max_iter=2000).fit(Z, y)
    data = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": [round(float(m), 6) for m in mean],
        "scale": [round(float(s), 6) for s in scale],
        "threshold": float(t),
        "fitted_on": {
            "labels": "tests/fixtures/furniture_labels.tsv",
            "split": "development groups only (bench.corpora.news_pages.is_held_out false): "
                     f"{len(y)} lines, {int(y.sum())} furniture, {len(set(groups))} outlets/incidents",
            "chosen_by": f"5-fold GroupKFold by outlet/incident over C {list(C_GRID)} and thresholds "
                         f"{THRESHOLDS[0]}-{THRESHOLDS[-1]}: C={c}, threshold={t}, cross-validated F1 {score:.3f}",
            "repeated": f"a line on >= {REPEATED_PAGES} pages of its outlet, counted over all 383 news_cluster pages",
            "trainer": "bench/train_furniture.py (scikit-learn LogisticRegression, standardised features)",
        },
    }
    MODEL.write_text(json.dumps(data, indent=1) + "\n")
    print(f"dev lines {len(y)} ({int(y.sum())} furniture); chose C={c} threshold={t}: grouped-CV F1 {score:.3f}")
    for name, w in sorted(zip(FEATURES, data["weights"]), key=lambda p: -abs(p[1])):
        print(f"  {name:18s} {w:+.3f}")
    print(f"wrote {MODEL.relative_to(REPO)}")


if __name__ == "__main__":
    main()
