#!/usr/bin/env python3
"""Writes docs/errors.md from core/src/common/error_catalog.inc, the one place every error code
is defined. With --check it writes nothing and exits 1 when docs/errors.md differs from what it
would write (the test `errors_doc` runs it so), naming the first line that differs."""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "core", "src", "common", "error_catalog.inc")
DOC = os.path.join(ROOT, "docs", "errors.md")

STRING = r'"((?:[^"\\]|\\.)*)"'
ENTRY = re.compile(r"KEFU_ERROR\(\s*(\w+),\s*" + r",\s*".join([STRING] * 4) + r"\s*\)", re.S)
LAYERS = [
    ("usage", "How the command was called: platform, format, --now, the command line."),
    ("input", "The reply, the order facts, the points request or the corpus given."),
    ("transcript", "A chat export. E303 and E306 are notes: the report is still written."),
    ("pack", "A rule pack, built-in or your own (`kefu-lint validate PACK.json` shows them all)."),
    ("internal", "kefu-lint itself failed."),
    ("wasm", "The page's module failed outside the core."),
    ("page", "The page's own JavaScript around the module."),
]


def unquote(s):
    # C string literals here use only \" and \\ escapes, as JSON strings do.
    return json.loads('"' + s + '"')


def read_catalog():
    text = open(CATALOG, encoding="utf-8").read()
    body = "\n".join(l for l in text.split("\n") if not l.lstrip().startswith("//"))
    entries = [tuple([m.group(1)] + [unquote(g) for g in m.groups()[1:]]) for m in ENTRY.finditer(body)]
    calls = body.count("KEFU_ERROR(")
    if calls != len(entries):
        sys.exit(f"gen-errors-doc: {calls} KEFU_ERROR entries but {len(entries)} in the expected shape")
    codes = [e[1] for e in entries]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        sys.exit("gen-errors-doc: codes defined twice: " + ", ".join(dupes))
    return entries


def cell(s):
    return s.replace("|", "\\|")


def render(entries):
    out = [
        "# Error codes",
        "",
        "Generated from `core/src/common/error_catalog.inc` by `scripts/gen-errors-doc.py`; do not edit",
        "by hand (a test fails when this page is stale).",
        "",
        "Every error and warning prints in one form, in the CLI, in the page and in JSON's `text`:",
        "",
        "```",
        "[code] file:line:column /pointer: message",
        "```",
        "",
        "where the place is left out when it is not known (`[usage.E002]: transcript prints text, json or csv`).",
        "In JSON (`--format json`, and every call of the page's module) errors are",
        '`{"errors":[{"code","message","text","file"?,"pointer"?,"line"?,"column"?}]}` with exit status 2;',
        "a code ending in W (and transcript.E303/E306) is a warning printed to stderr beside a normal report.",
        "Templates show the message with its `{fields}`; the wording of a message may say more than its template.",
        "",
    ]
    for prefix, about in LAYERS:
        rows = [e for e in entries if e[1].startswith(prefix + ".")]
        if not rows:
            continue
        out += [f"## {prefix}", "", about, "", "| code | meaning | 中文 | English |", "|---|---|---|---|"]
        for name, code, meaning, zh, en in rows:
            out.append(f"| `{code}` | {cell(meaning)} | {cell(zh)} | {cell(en)} |")
        out.append("")
    others = [e for e in entries if e[1].split(".")[0] not in {p for p, _ in LAYERS}]
    if others:
        sys.exit("gen-errors-doc: codes of no known layer: " + ", ".join(e[1] for e in others))
    return "\n".join(out)


def main():
    text = render(read_catalog())
    if "--check" in sys.argv[1:]:
        try:
            have = open(DOC, encoding="utf-8").read()
        except OSError:
            have = ""
        if have != text:
            a, b = have.split("\n"), text.split("\n")
            n = next((i for i in range(max(len(a), len(b))) if i >= len(a) or i >= len(b) or a[i] != b[i]), 0)
            print(f"docs/errors.md is stale (line {n + 1}); run scripts/gen-errors-doc.py", file=sys.stderr)
            return 1
        return 0
    open(DOC, "w", encoding="utf-8").write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
