#!/usr/bin/env python3
"""Lists the longest Rust functions and source files of the workspace (tests left out), so that
the guide of the house (no function over about 120 lines, no file over about 700) can be read
off at a glance. Usage: scripts/long-units.py [N]"""
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
top = int(sys.argv[1]) if len(sys.argv) > 1 else 8
fn_re = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(async\s+)?fn\s+(\w+)')
funcs, files = [], []
for path in sorted(list(root.glob('crates/*/src/**/*.rs')) + list(root.glob('src-tauri/src/**/*.rs'))):
    lines = path.read_text().split('\n')
    # Unit tests sit at the end of a file, after #[cfg(test)].
    end = next((i for i, l in enumerate(lines) if l.strip() == '#[cfg(test)]'), len(lines))
    rel = path.relative_to(root)
    files.append((end, str(rel)))
    i = 0
    while i < end:
        m = fn_re.match(lines[i])
        if m and not lines[i].rstrip().endswith(';'):
            depth, started, j = 0, False, i
            while j < end:
                depth += lines[j].count('{') - lines[j].count('}')
                started = started or '{' in lines[j]
                if started and depth <= 0:
                    break
                j += 1
            funcs.append((j - i + 1, f'{rel}:{i + 1} {m.group(4)}'))
        i += 1
print('longest functions (lines):')
for n, name in sorted(funcs, reverse=True)[:top]:
    print(f'  {n:5}  {name}')
print('longest files (lines before tests):')
for n, name in sorted(files, reverse=True)[:top]:
    print(f'  {n:5}  {name}')
