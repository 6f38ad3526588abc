"""Rule.prepare: work that runs outside the GIL starts before the other rules' checks, and
its rule is checked after them (linter/runner.py run_rules)."""
from __future__ import annotations

import threading

from conftest import engine_of

from newslint import Overrides, RunContext
from newslint.api import Category, Document, Rule, Severity
from newslint.markup import parse
from newslint.runner import INTERNAL_ERROR, run_rules

ORDER: list[str] = []


class _Background(Rule):
    id = "test/background"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING

    def prepare(self, doc: Document) -> bool:
        ORDER.append("prepare background")
        self._done = threading.Event()
        threading.Thread(target=self._done.set).start()
        return True

    def check(self, doc: Document):
        ORDER.append("check background")
        assert self._done.wait(5)
        yield self.report(doc, 0, 3, "found in the background")


class _Plain(Rule):
    id = "test/plain"
    category = Category.STYLE
    default_severity = Severity.INFO

    def check(self, doc: Document):
        ORDER.append("check plain")
        return []


class _BrokenPrepare(_Plain):
    id = "test/broken-prepare"

    def prepare(self, doc: Document) -> bool:
        raise RuntimeError("no thread")

    def check(self, doc: Document):
        raise RuntimeError("no thread")


def test_prepared_rules_are_checked_after_the_others():
    ORDER.clear()
    doc = parse("s.txt", "One two three.\n")
    diags, _ = run_rules(doc, engine_of([_Background(), _Plain()]))  # background first by id
    assert ORDER == ["prepare background", "check plain", "check background"]
    assert [d.rule for d in diags] == ["test/background"]


def test_a_failing_prepare_is_reported_by_its_check_and_the_others_run():
    ORDER.clear()
    diags, _ = run_rules(parse("s.txt", "One two three.\n"), engine_of([_BrokenPrepare(), _Plain()]))
    assert ORDER == ["check plain"]
    assert [d.rule for d in diags] == [INTERNAL_ERROR] and "test/broken-prepare" in diags[0].message


def test_harper_finds_the_same_with_and_without_prepare():
    text = ("Their is a problem with the the budget. He go to the meeting every day. "
            "She said it was an unique chance.\n\n" + "The council met on Tuesday. " * 120)
    engine = RunContext(Overrides(select=["grammar/harper"])).engine(None)
    (rule,) = engine.rules
    prepared, _ = run_rules(parse("s.txt", text), engine)
    assert not rule._pending  # collected by its check
    direct = list(rule.check(parse("s.txt", text)))  # no prepare: check submits the work itself
    assert prepared and [(d.start, d.end, d.rule) for d in prepared] == [(d.start, d.end, d.rule) for d in direct]


class _AheadRecorder(Rule):
    id = "test/ahead"
    category = Category.GRAMMAR
    default_severity = Severity.INFO

    def look_ahead(self, doc: Document) -> None:
        ORDER.append(f"ahead {doc.prose.split()[0]}")

    def check(self, doc: Document):
        ORDER.append(f"check {doc.prose.split()[0]}")
        return ()


def test_one_process_looks_at_the_next_story_before_checking_this_one(tmp_path, monkeypatch):
    from newslint.runner import lint_paths

    paths = []
    for name in ("alpha", "bravo", "charlie"):
        (tmp_path / f"{name}.txt").write_text(f"{name} story text.\n")
        paths.append(str(tmp_path / f"{name}.txt"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)  # unreadable as text: skipped, no failure
    ctx = RunContext(Overrides())
    engine = engine_of([_AheadRecorder()])
    monkeypatch.setattr(ctx, "engine", lambda path: engine)
    ORDER.clear()
    result = lint_paths([*paths, str(tmp_path / "binary.txt")], context=ctx, jobs=1)
    # the next story is looked at before this one is checked
    assert ORDER == ["ahead alpha", "ahead bravo", "check alpha", "ahead charlie", "check bravo", "check charlie"]
    assert len(result.files) == 4


def test_harper_lints_a_story_looked_ahead_at_once(tmp_path, monkeypatch):
    from newslint.rules.grammar import harper_backend as hb
    from newslint.runner import lint_paths

    texts = ["Their is a problem with the the budget.\n", "He go to the meeting every day.\n",
             "She said it was an unique chance.\n"]
    paths = []
    for i, text in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(text)
        paths.append(str(tmp_path / f"s{i}.txt"))
    linted: list[str] = []
    real = hb.lint_block.__wrapped__

    def counting(dialect, disabled, text):
        linted.append(text)
        return real(dialect, disabled, text)

    monkeypatch.setattr(hb, "lint_block", counting)
    hb._recent.reset()
    ahead = lint_paths(paths, Overrides(select=["grammar/harper"]), jobs=1)
    assert sorted(linted) == sorted(set(linted)) and len(linted) == len(texts)
    monkeypatch.setattr("newslint.runner._look_ahead", lambda path, ctx: None)
    hb._recent.reset()
    plain = lint_paths(paths, Overrides(select=["grammar/harper"]), jobs=1)
    assert [[(d.line, d.column, d.rule) for d in f.diagnostics] for f in ahead.files] == \
        [[(d.line, d.column, d.rule) for d in f.diagnostics] for f in plain.files]
    assert all(f.diagnostics for f in ahead.files)


class _Recorded(Rule):
    id = "test/recorded"
    category = Category.GRAMMAR
    default_severity = Severity.INFO

    def prepare(self, doc: Document) -> bool:
        ORDER.append("prepare recorded")
        return True

    def check(self, doc: Document):
        ORDER.append("check recorded")
        return ()


def test_without_overlap_nothing_starts_early_and_the_findings_are_the_same():
    text = "Their is a problem with the the budget. He go to the meeting every day.\n"
    engine = RunContext(Overrides(select=["grammar/harper", "grammar/repeated-word"])).engine(None)
    ORDER.clear()
    run_rules(parse("s.txt", "One two three.\n"), engine_of([_Recorded(), _Plain()]), overlap=False)
    assert ORDER == ["check recorded", "check plain"]  # in order, nothing prepared
    ORDER.clear()
    run_rules(parse("s.txt", "One two three.\n"), engine_of([_Recorded(), _Plain()]))
    assert ORDER == ["prepare recorded", "check plain", "check recorded"]
    overlapped, _ = run_rules(parse("s.txt", text), engine)
    in_turns, _ = run_rules(parse("s.txt", text), engine, overlap=False)
    assert overlapped and [(d.start, d.rule) for d in in_turns] == [(d.start, d.rule) for d in overlapped]


def test_workers_overlap_only_with_a_core_to_spare(monkeypatch):
    import newslint.runner as runner

    monkeypatch.setattr(runner, "_cpus", lambda: 2)
    assert runner.overlaps(1) and not runner.overlaps(2)
    monkeypatch.setattr(runner, "_cpus", lambda: 8)
    assert runner.overlaps(4) and not runner.overlaps(5)
