"""The fitted logistic score shared by the statistical word-choice rules (unusual-word,
real-word): weights and thresholds in a TOML file of ``rules/data/`` written by the rule's
trainer in ``benchmarks/``, with the provenance of its features (see ``provenance.py``)."""
from __future__ import annotations

import math
from importlib import resources

from newslint.api import Resource, tomllib

from .provenance import stale_packages


class LogisticScore:
    def __init__(self, data_file: str, features: tuple[str, ...], sources: tuple[str, ...]) -> None:
        """`sources`: the packages and the files of ``rules/data`` the features' numbers come
        from; the data file records the version or hash of each."""
        self.data_file = data_file
        self.features = features
        self.sources = sources
        name = data_file.rpartition("/")[2].partition(".")[0]  # "real_word"
        self._data = Resource(f"{name} weights", self._read)
        self._stale = Resource(f"{name} package check", self._check_packages)

    def _read(self) -> dict:
        text = resources.files("newslint.rules").joinpath(self.data_file).read_text(encoding="utf-8")
        return tomllib.loads(text)

    @property
    def data(self) -> dict:
        return self._data()

    def _check_packages(self) -> tuple[str, ...]:
        trainer = self.data.get("provenance", {}).get("written_by", "its trainer")
        return tuple(f"the weights in rules/{self.data_file} were fitted with {name} {was}, and {name} {now} is "
                     f"installed: its scores may differ from the measured ones (refit with {trainer})"
                     for name, was, now in stale_packages(self.data.get("provenance", {})))

    def stale(self) -> tuple[str, ...]:
        """One notice per package the features come from whose installed version is not the
        one the weights were fitted with (checked once per process)."""
        return self._stale()

    def score(self, features: dict[str, float]) -> float:
        z = self.data["intercept"] + sum(self.data["weights"][k] * features[k] for k in self.features)
        return 1 / (1 + math.exp(-max(min(z, 50.0), -50.0)))

    def least(self, feature: str, score: float, known: tuple[str, ...],
              bounds: dict[str, tuple[float, float]]) -> tuple[float, dict[str, float]]:
        """The smallest value of `feature` with which the score can reach `score`, as a line
        in the features `known` (given later): ``constant + sum(coefficient * value)``, every
        other feature at the most favourable end of its range (``bounds``). Below it, no value
        of the others reaches the score. (-inf, {}) when the feature's weight is not positive."""
        w = self.data["weights"]
        if w[feature] <= 0 or not 0 < score < 1:
            return -math.inf, {}
        z = self.data["intercept"]
        for k in self.features:
            if k != feature and k not in known:
                lo, hi = bounds[k]
                z += max(w[k] * lo, w[k] * hi)
        return (math.log(score / (1 - score)) - z) / w[feature], {k: -w[k] / w[feature] for k in known}

    def thresholds(self, rule) -> tuple[float, float]:
        """(warning, info) score thresholds of `rule`: its options ``warning`` and ``info`` where
        set (0-1), else the measured ones. First, the rule tells the user (once per run) about
        each package its features come from that is not the version the weights were fitted with."""
        for message in self.stale():
            rule.notice(f"{rule.id}: {message}")
        th = self.data["thresholds"]
        warning, info = rule.options.warning, rule.options.info
        return (warning if warning >= 0 else th["warning"]), (info if info >= 0 else th["info"])
