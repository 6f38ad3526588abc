"""JUnit XML: one test case per file, one failure per finding."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..registry import Registry
from ..runner import RunResult


def render(result: RunResult, registry: Registry, color: bool) -> str:
    diags = result.diagnostics
    suite = ET.Element("testsuite", name="newslint", tests=str(len(result.files)),
                       failures=str(sum(1 for f in result.files if f.diagnostics)), errors="0")
    by_path: dict[str, list] = {}
    for d in diags:
        by_path.setdefault(d.path, []).append(d)
    for f in result.files:
        case = ET.SubElement(suite, "testcase", classname="newslint", name=f.path)
        for d in by_path.get(f.path, []):
            fail = ET.SubElement(case, "failure", type=d.rule, message=f"{d.line}:{d.column} {d.message}")
            fail.text = f"{d.path}:{d.line}:{d.column}: {d.severity.value} {d.rule} {d.message}"
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
