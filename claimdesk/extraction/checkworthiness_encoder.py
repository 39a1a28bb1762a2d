"""Check-worthiness from a fine-tuned small encoder: the first layers of all-MiniLM-L6-v2, fine-tuned
on CheckThat! 2024 train by `bench/train_checkworthiness_encoder.py`, exported to ONNX with int8
weights (data/checkworthiness_encoder.onnx) and run with onnxruntime on one thread (extraction
parallelises by process). Tokens come from the MiniLM tokenizer shipped in data/minilm/. Torch never
runs here, nothing is fetched.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from claimdesk.extraction.token_vectors import TOKENIZER_FILE

DATA = Path(__file__).resolve().parent / "data"
ENCODER_FILE = DATA / "checkworthiness_encoder.onnx"
SETTINGS_FILE = DATA / "checkworthiness_encoder.json"
# Claims per session run, by length: on a news article's claims (one layer), groups of 4 or 8 cost
# 0.5-0.65 ms of CPU a claim, 16 about 0.65, the whole document at once more (padding, one activation scale).
GROUP = 8
# Words whose pieces are remembered: a page's claims repeat its words, and the tokenizer's own call
# costs about as much per claim as a third of the encoder's run.
WORDS_REMEMBERED = 200_000


@dataclass(frozen=True)
class Encoder:
    session: object  # onnxruntime.InferenceSession
    tokenizer: object  # tokenizers.Tokenizer, without truncation or special tokens
    threshold: float
    max_len: int
    cls: int
    sep: int
    _pieces: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def ids(self, text: str) -> list[int]:
        """The tokenizer's ids for `text` with [CLS]/[SEP], truncated to max_len, word by word from a
        cache: BERT's normaliser and pre-tokenizer never join across a space, so the pieces of the
        space-separated words, joined, are the pieces of the text (the test compares them)."""
        pieces, out = self._pieces, [self.cls]
        for word in text.split(" "):
            if not word:
                continue
            ids = pieces.get(word)
            if ids is None:
                if len(pieces) >= WORDS_REMEMBERED:
                    pieces.clear()
                ids = pieces[word] = self.tokenizer.encode(word, add_special_tokens=False).ids
            out.extend(ids)
            if len(out) >= self.max_len - 1:
                del out[self.max_len - 1:]
                break
        out.append(self.sep)
        return out

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """P(check-worthy) of each text, from one session run per group of GROUP texts of similar length."""
        if not texts:
            return np.zeros(0)
        ids = [self.ids(text) for text in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros(len(texts))
        for start in range(0, len(order), GROUP):
            group = order[start:start + GROUP]
            width = len(ids[group[-1]])
            input_ids = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros((len(group), width), dtype=np.int64)
            for row, i in enumerate(group):
                input_ids[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1
            logits = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
            out[group] = 1.0 / (1.0 + np.exp(-np.clip(logits, -50, 50)))
        return out

    def scores(self, texts: list[str]) -> np.ndarray:
        """0..1 with the chosen threshold mapped to 0.5."""
        p, t = self.probabilities(texts), self.threshold
        return np.where(p < t, 0.5 * p / t, 0.5 + 0.5 * (p - t) / (1 - t))


def load_encoder() -> Optional[Encoder]:
    """The encoder of this process (a session is not carried across a fork), or None when the file
    is not shipped."""
    return _load(os.getpid())


@lru_cache(maxsize=1)
def _load(pid: int) -> Optional[Encoder]:
    if not ENCODER_FILE.is_file():
        return None
    import onnxruntime
    from tokenizers import Tokenizer

    settings = json.loads(SETTINGS_FILE.read_text("utf-8"))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    session = onnxruntime.InferenceSession(str(ENCODER_FILE), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return Encoder(session, tokenizer, float(settings["threshold"]), int(settings["max_len"]),
                   tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]"))
