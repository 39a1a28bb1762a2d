"""The fitted furniture model: a logistic model over line features, stored as JSON coefficients.

`bench/train_furniture.py` fits it on the development part of the labelled sample
(`tests/fixtures/furniture_labels.tsv`) and writes `model.json` with the data, split and settings
it came from; here it is only applied (a dot product per line, no scikit-learn at run time).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from claimdesk.furniture.lines import FEATURES


@dataclass(frozen=True)
class FurnitureModel:
    weights: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float

    def probability(self, row: list[float]) -> float:
        z = self.intercept + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def is_furniture(self, row: list[float]) -> bool:
        return self.probability(row) >= self.threshold

    @classmethod
    def from_dict(cls, data: dict) -> "FurnitureModel":
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"expected a model over features {FEATURES}, got {tuple(data['features'])}")
        return cls(tuple(data["weights"]), float(data["intercept"]), tuple(data["mean"]), tuple(data["scale"]),
                   float(data["threshold"]))


@lru_cache(maxsize=1)
def default_model() -> FurnitureModel:
    text = resources.files("claimdesk.furniture").joinpath("model.json").read_text("utf-8")
    return FurnitureModel.from_dict(json.loads(text))
