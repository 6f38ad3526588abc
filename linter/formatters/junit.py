"""JUnit XML: one test case per file and rule; a case fails when it holds an error or a
warning. Info-only findings are listed in the case's output and never count as failures; a
file without findings is one passing case. Names and messages are ``printable`` (XML 1.0
cannot carry most control characters, even escaped)."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..escape import printable
from ..registry import Registry
from ..results import RunResult
from . import Format
from .text import hint


def render(result: RunResult, registry: Registry, color: bool = False, statistics: bool = False) -> str:
    suite = ET.Element("testsuite", name="newslint")
    tests = failures = 0
    for f in result.files:
        by_rule: dict[str, list] = {}
        for d in f.diagnostics:
            by_rule.setdefault(d.rule, []).append(d)
        path = printable(f.path)
        for rule, diags in sorted(by_rule.items()) or [("newslint", [])]:
            tests += 1
            case = ET.SubElement(suite, "testcase", classname=path, name=rule, file=path)
            lines = []
            for d in diags:
                tail = hint(d, result)
                lines.append(f"{path}:{d.line}:{d.column}: {d.severity.value} {d.rule} {printable(d.message)}"
                             + (f" -> {tail}" if tail else ""))
            serious = [d for d in diags if d.severity.value != "info"]
            if serious:
                failures += 1
                first = serious[0]
                fail = ET.SubElement(case, "failure", type=rule, message=f"{len(serious)} finding(s); first at "
                                     f"{first.line}:{first.column}: {printable(first.message)}")
                fail.text = "\n".join(lines)
            elif lines:
                ET.SubElement(case, "system-out").text = "\n".join(lines)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


FORMAT = Format(render)
