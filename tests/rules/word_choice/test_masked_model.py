"""The optional masked-language-model judge of word-choice/unusual-word and real-word (pip
install newslint[transformers]), tested with a tiny BERT built here: its output bias makes
one chosen word the best prediction in every slot, so what the rule reports is known in
advance."""
from __future__ import annotations

import inspect
import re

import pytest

from conftest import at, lint

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from test_unusual_word import STORM  # noqa: E402


@pytest.fixture(autouse=True)
def _trusted_config(monkeypatch):
    """These tests name LanguageTool or a model in the story folder's newslint.toml, which
    only a trusted configuration may do (newslint.trust)."""
    monkeypatch.setenv("NEWSLINT_TRUST_CONFIG", "1")

TEXT = STORM.replace("the strong winds", "the pajama winds")


def tiny_model(directory, favourite: str):
    directory.mkdir()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *sorted(set(re.findall(r"[a-z]+|[^\sa-z]", TEXT.lower())) | {favourite})]
    (directory / "vocab.txt").write_text("\n".join(vocab) + "\n")
    params = inspect.signature(transformers.BertTokenizerFast.__init__).parameters
    if "vocab" in params:  # transformers 5
        tok = transformers.BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)}, do_lower_case=True)
    else:  # transformers 4
        tok = transformers.BertTokenizerFast(vocab_file=str(directory / "vocab.txt"), do_lower_case=True)
    tok.save_pretrained(directory)
    cfg = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                                  num_attention_heads=2, intermediate_size=64)
    torch.manual_seed(0)
    model = transformers.BertForMaskedLM(cfg)
    with torch.no_grad():
        model.get_output_embeddings().bias[vocab.index(favourite)] += 30.0
    model.save_pretrained(directory)
    return directory


def config(tmp_path, model_dir):
    cfg = tmp_path / "newslint.toml"
    cfg.write_text(f'[rules."word-choice/unusual-word"]\nmasked-model = "{model_dir}"\n')
    return cfg


def test_masked_model_judges_and_suggests(tmp_path):
    model_dir = tiny_model(tmp_path / "m", "strong")
    found = lint(TEXT, select=["word-choice/unusual-word"], config=config(tmp_path, model_dir))
    assert [at(TEXT, d) for d in found] == ["pajama"]
    assert found[0].suggestions == ("strong",)
    assert "masked language model" in found[0].message


def test_masked_model_that_predicts_the_written_word_reports_nothing(tmp_path):
    model_dir = tiny_model(tmp_path / "m", "pajama")
    assert lint(TEXT, select=["word-choice/unusual-word"], config=config(tmp_path, model_dir)) == []


def test_judge_masks_the_word_and_reads_whole_word_predictions(tmp_path):
    from newslint.rules.lang import masked_lm

    mlm = masked_lm.MaskedLM(str(tiny_model(tmp_path / "m", "strong")))
    sentence = "The worst of the pajama winds had passed."
    j = mlm.judge(sentence, sentence.index("pajama"), sentence.index("pajama") + 6)
    assert j.predictions[0] == "strong" and j.best - j.own > 20


def test_missing_model_is_one_notice_and_the_builtin_detector_runs(tmp_path):
    from newslint.runner import lint_source_text

    res = lint_source_text(TEXT, select=["word-choice/unusual-word"],
                           config=config(tmp_path, tmp_path / "no-such-model"), fmt="plain")
    assert [at(TEXT, d) for d in res.diagnostics] == ["pajama"]
    assert any("masked-model not used" in n for n in res.notices)


SLIP = ("The judge said the evidence was not admissible in curt, and the trial was delayed again. "
        "Lawyers for both sides met the judge on Monday.\n")


def _slip_model(tmp_path, favourite):
    global TEXT
    saved, TEXT = TEXT, SLIP  # tiny_model builds its vocabulary from TEXT
    try:
        return tiny_model(tmp_path / "m", favourite)
    finally:
        TEXT = saved


def _real_word_config(tmp_path, model_dir):
    cfg = tmp_path / "rw.toml"
    cfg.write_text(f'[rules."word-choice/real-word"]\nmasked-model = "{model_dir}"\n')
    return cfg


def test_masked_model_judges_real_word_candidates(tmp_path):
    found = lint(SLIP, select=["word-choice/real-word"],
                 config=_real_word_config(tmp_path, _slip_model(tmp_path, "court")))
    assert [(at(SLIP, d), d.suggestions) for d in found] == [("curt", ("court",))]
    assert "masked language model" in found[0].message


def test_masked_model_that_prefers_the_written_word_keeps_real_word_quiet(tmp_path):
    assert lint(SLIP, select=["word-choice/real-word"],
                config=_real_word_config(tmp_path, _slip_model(tmp_path, "curt"))) == []
