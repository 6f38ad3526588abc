"""The fitted logistic score shared by the statistical word-choice rules (unusual-word,
real-word): weights and thresholds in a TOML file of ``rules/data/`` written by the rule's
trainer in ``benchmarks/``."""
from __future__ import annotations

import math
from importlib import resources

from newslint.api import Resource, tomllib


class LogisticScore:
    def __init__(self, data_file: str, features: tuple[str, ...]) -> None:
        self.data_file = data_file
        self.features = features
        self._data = Resource(f"model {data_file}", self._read)

    def _read(self) -> dict:
        text = resources.files("newslint.rules").joinpath(self.data_file).read_text(encoding="utf-8")
        return tomllib.loads(text)

    @property
    def data(self) -> dict:
        return self._data()

    def score(self, features: dict[str, float]) -> float:
        z = self.data["intercept"] + sum(self.data["weights"][k] * features[k] for k in self.features)
        return 1 / (1 + math.exp(-max(min(z, 50.0), -50.0)))

    def thresholds(self, warning: float, info: float) -> tuple[float, float]:
        """(warning, info) score thresholds: the options where set (0-1), else the measured ones."""
        th = self.data["thresholds"]
        return (warning if warning >= 0 else th["warning"]), (info if info >= 0 else th["info"])
