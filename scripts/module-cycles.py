"""Finds import circles between the top-level modules of each crate: module A uses B (through
`crate::B`, `super::B` from a child, or a `use crate::{B, ...}` list) and B, directly or not,
uses A. Prints each circle and exits 1 when there is one; the house has none.

Run from the repository root: python3 scripts/module-cycles.py
"""
import pathlib
import re
import sys

ROOTS = sorted(pathlib.Path("crates").glob("*/src")) + [pathlib.Path("src-tauri/src")]


def top_module(src: pathlib.Path, f: pathlib.Path) -> str:
    rel = f.relative_to(src)
    name = rel.parts[0]
    return name[:-3] if name.endswith(".rs") else name


def uses(text: str) -> set[str]:
    # Only code, not the tests beside it: a test may use anything.
    text = text.split("#[cfg(test)]")[0]
    text = re.sub(r"//.*", "", text)
    found = set(re.findall(r"\bcrate::([a-z_][a-z0-9_]*)", text))
    for group in re.findall(r"\buse crate::\{([^;]*)\};", text, re.S):
        found |= set(re.findall(r"(?:^|[,{\s])([a-z_][a-z0-9_]*)(?=::|\s*[,}]|\s*$)", group))
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    out, seen = [], set()
    def walk(node, path):
        for nxt in sorted(graph.get(node, ())):
            if nxt == path[0]:
                cyc = path[:]
                key = frozenset(cyc)
                if key not in seen:
                    seen.add(key)
                    out.append(cyc + [nxt])
            elif nxt not in path and nxt > path[0]:
                walk(nxt, path + [nxt])
    for start in sorted(graph):
        walk(start, [start])
    return out


bad = 0
for src in ROOTS:
    files = [f for f in src.rglob("*.rs") if f.name not in ("lib.rs", "main.rs")]
    mods = {top_module(src, f) for f in files}
    graph: dict[str, set[str]] = {}
    for f in files:
        m = top_module(src, f)
        graph.setdefault(m, set()).update(u for u in uses(f.read_text()) if u in mods and u != m)
    for c in cycles(graph):
        bad += 1
        print(f"{src.parent.name}: {' -> '.join(c)}")
print(f"module-cycles: {bad} circle(s)")
sys.exit(1 if bad else 0)
