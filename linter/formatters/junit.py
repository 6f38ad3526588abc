"""JUnit XML: one test case per file and rule; a case fails when it holds an error or a
warning. Info-only findings are listed in the case's output and never count as failures; a
file without findings is one passing case."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..registry import Registry
from ..runner import RunResult


def render(result: RunResult, registry: Registry, color: bool) -> str:
    suite = ET.Element("testsuite", name="newslint")
    tests = failures = 0
    for f in result.files:
        by_rule: dict[str, list] = {}
        for d in f.diagnostics:
            by_rule.setdefault(d.rule, []).append(d)
        for rule, diags in sorted(by_rule.items()) or [("newslint", [])]:
            tests += 1
            case = ET.SubElement(suite, "testcase", classname=f.path, name=rule, file=f.path)
            lines = [f"{d.path}:{d.line}:{d.column}: {d.severity.value} {d.rule} {d.message}" for d in diags]
            serious = [d for d in diags if d.severity.value != "info"]
            if serious:
                failures += 1
                first = serious[0]
                fail = ET.SubElement(case, "failure", type=rule,
                                     message=f"{len(serious)} finding(s); first at {first.line}:{first.column}: {first.message}")
                fail.text = "\n".join(lines)
            elif lines:
                ET.SubElement(case, "system-out").text = "\n".join(lines)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
