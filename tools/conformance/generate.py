#!/usr/bin/env python3
"""Produce the expected outputs of the Jinja conformance corpus with Python's Jinja2.

Run once after adding or editing cases, from anywhere:

    python3 tools/conformance/generate.py          # write every <case>.verified.txt
    python3 tools/conformance/generate.py --check  # only report cases whose verified file differs

A case file is a JSON object (the render context), a line '---', then the template, exactly:
everything after the '---' line break is template. err-*.jinja cases are skipped: their
expected output is ModelForge's own diagnostic (accepted with FORGE_UPDATE_GOLDEN=1).

Each case is rendered with Jinja2's defaults (its default Undefined, as dbt uses it), which
gives the verified output. Tests never call this script.
"""
import json
import pathlib
import sys

import jinja2

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "Golden" / "templating"
EXTENSIONS = ["jinja2.ext.do", "jinja2.ext.loopcontrols"]
SEPARATOR = "---"


def read_exact(path):
    # newline="" keeps "\r\n" as written, as the C# runner reads it.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def split_case(text, name):
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        line_end = len(text) if end < 0 else end
        if text[start:line_end] == SEPARATOR:
            return text[:start], ("" if end < 0 else text[end + 1:])
        if end < 0:
            break
        start = end + 1
    raise ValueError(f"{name}: no '{SEPARATOR}' line between the JSON context and the template")


def render(case_path):
    text = read_exact(case_path)
    context_json, template = split_case(text, case_path)
    context = json.loads(context_json)
    if not isinstance(context, dict):
        raise ValueError(f"{case_path}: the context must be a JSON object")
    output = jinja2.Environment(extensions=EXTENSIONS).from_string(template).render(**context)
    return output


README = """# Jinja conformance corpus

Expected outputs here were produced by Python's Jinja2 {version} with
`jinja2.Environment(extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols'])` and defaults
otherwise (no trim_blocks or lstrip_blocks, no trailing newline kept, no autoescape), by
`python3 tools/conformance/generate.py`. Tests never call Python; they read these files.

- `<NNN-topic>/<case>.jinja`: a JSON object (the render context, given to the template as
  globals), a line `---`, then the template, exactly: everything after the `---` line break is
  template, so a final newline is there on purpose (Jinja drops one trailing newline).
- `<case>.verified.txt`: the exact output, with no newline added.
- `err-*.jinja`: templates ModelForge must reject; their `.verified.txt` is ModelForge's printed
  diagnostic (`path:line:col: error MFnnnn: message`, then `  hint: …`), where the path is the
  case's path in this folder and lines count from the first template line (after `---`). They are
  accepted from the engine with `FORGE_UPDATE_GOLDEN=1` and reviewed like code. That variable
  never overwrites the other cases' files: those come from Jinja2 only.
- Undefined values behave as Jinja2's default Undefined (dbt's): they print as nothing.
  See docs/jinja-compatibility.md for every deliberate difference.

Runner: tests/Compiler.Tests/Golden/TemplateConformanceTests.cs. A mismatch writes
`<case>.received.txt` beside the case. {count} cases with Jinja2 output, {errors} error cases.
"""


def main(argv):
    check_only = "--check" in argv
    cases = sorted(p for p in CORPUS.rglob("*.jinja"))
    problems, changed, written, errors = [], [], 0, 0
    for case_path in cases:
        if case_path.name.startswith("err-"):
            errors += 1
            continue
        try:
            output = render(case_path)
        except Exception as error:  # a tool: report every broken case and go on
            problems.append(f"{case_path.relative_to(ROOT)}: {type(error).__name__}: {error}")
            continue
        verified = case_path.with_suffix(".verified.txt")
        old = read_exact(verified) if verified.exists() else None
        if old != output:
            changed.append(str(verified.relative_to(ROOT)))
            if not check_only:
                with open(verified, "w", encoding="utf-8", newline="") as out:
                    out.write(output)
        written += 1
    if not check_only:
        with open(CORPUS / "README.md", "w", encoding="utf-8", newline="") as out:
            out.write(README.format(version=jinja2.__version__, count=written, errors=errors))
    for line in changed:
        print(("differs: " if check_only else "wrote: ") + line)
    for line in problems:
        print("problem: " + line, file=sys.stderr)
    print(f"Jinja2 {jinja2.__version__}: {written} cases rendered, {errors} error cases skipped, "
          f"{len(changed)} changed, {len(problems)} problems")
    return 1 if problems or (check_only and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
