"""Weighted logistic regression for the statistical rules' trainers (numpy only)."""
from __future__ import annotations

import numpy as np


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Weighted logistic regression by Newton's method on standardised features (so that
    the penalty treats every feature alike), positives weighted up to balance the classes;
    returns [intercept, weights...] for the raw features."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    beta = _fit_standardised((x - mu) / sd, y, l2)
    weights = beta[1:] / sd
    return np.concatenate([[beta[0] - (weights * mu).sum()], weights])


def _fit_standardised(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    xb = np.hstack([np.ones((len(x), 1)), x])
    sw = np.where(y == 1, (y == 0).sum() / max(1, (y == 1).sum()), 1.0)
    beta = np.zeros(xb.shape[1])
    pen = np.full(xb.shape[1], l2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xb @ beta)))
        grad = xb.T @ (sw * (p - y)) + pen * beta
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def predict(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(beta[0] + x @ beta[1:])))


def recall_at(scores: np.ndarray, y: np.ndarray, words: int, total: int, rate: float) -> tuple[float, float]:
    """(recall, threshold) where the negatives give `rate` false alarms per 1,000 words."""
    neg = np.sort(scores[y == 0])[::-1]
    k = int(rate * words / 1000)
    thr = neg[k] if k < len(neg) else 0.0
    return float(((scores > thr) & (y == 1)).sum() / max(total, 1)), float(thr)


def write_model(out, header: str, beta: np.ndarray, features, warning: tuple[float, str], info: tuple[float, str],
                provenance: dict, dry_run: bool = False) -> None:
    """A rule's model file: `header` (comment lines saying how it was fitted), the intercept,
    one weight per feature, the two thresholds, each with its comment, and the provenance
    (the dataset's hash, the versions of the packages the features come from)."""
    from newslint.rules.lang.provenance import toml_table

    weights = "\n".join(f"{k} = {b:.4f}" for k, b in zip(features, beta[1:]))
    text = (f"{header.rstrip()}\n\nintercept = {beta[0]:.4f}\n\n[weights]\n{weights}\n\n[thresholds]\n"
            f"{warning[1].rstrip()}\nwarning = {warning[0]:.4f}\n{info[1].rstrip()}\ninfo = {info[0]:.4f}\n\n"
            + toml_table(provenance))
    if dry_run:
        print(text)
    else:
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}")
