#!/usr/bin/env python3
"""Hostile inputs against their budget: every page, JSON document or workbook is refused or read
in at most 2 s and 200 MB (PRODUCT.md, issue 22). Each input is made here, read by the release
CLI as an officer's import would read it, and timed with its peak memory (the child's maxrss,
from wait4). Prints one line per input, then the worst time and the worst memory; exits 1 when
an input is over budget.

    cargo build --release -p jalon-cli && python3 scripts/hostile-bench.py [CLI]
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target/release/jalon-cli"
LIMIT = 16 * 1024 * 1024
BUDGET_S, BUDGET_MB = 2.0, 200.0


def run(args):
    """Runs the CLI under /usr/bin/time (Debian's time): (seconds, peak MB, exit code, last line
    of stderr). Not from this process: a child forked from it would count its memory too."""
    with tempfile.NamedTemporaryFile("r") as out:
        p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out.name, str(CLI), *args],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds, kb = out.read().split()[-2:]
    said = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return float(seconds), int(kb) / 1024, p.returncode, (said[-1] if said else "")


def fill_to(head, unit, tail, size=LIMIT - 4096):
    """head + unit repeated + tail, just under `size` bytes."""
    n = max(0, (size - len(head) - len(tail)) // len(unit))
    return head + unit * n + tail


def pages():
    ok = "<main><p>Axis 1: A</p><p>Action 1: B</p><p>Progress : 50%</p>"
    yield "html: 16 MB nested 500 deep", fill_to("<html><body>" + "<div>" * 500, "<span>x</span>", "</body></html>")
    yield "html: nested 100,000 deep", "<html><body>" + "<div>" * 100_000 + "x"
    yield "html: a million elements", fill_to("<html><body><main>", "<p>x</p>", "</main></body></html>", 1_000_000 * 8 + 64)
    yield "html: 16 MB of elements", fill_to("<html><body><main>", "<b>x</b>", "</main></body></html>")
    yield "html: one 16 MB line of text", fill_to(ok + "<h3>Objective 1 : ", "a", "</h3></main>")
    yield "html: a million attributes", fill_to("<html><body><div ", "a=1 ", "></div></body></html>", 4_000_000 + 64)
    yield "html: 16 MB of attributes", fill_to("<html><body>", '<i a="1" b="2" c="3"></i>', "</body></html>")
    yield "html: 16 MB comment", fill_to("<html><body><!--", "x", "--></body></html>")
    yield "html: 16 MB of entities", fill_to("<html><body><main><p>", "&amp;", "</p></main></body></html>")
    yield "html: 500,000 entities, the most read", "<html><body><main><p>" + "&eacute;" * 500_000 + "</p></main></body></html>"
    yield "html: 250,000 elements, the most read", "<html><body><main>" + "<p>x</p>" * 249_990 + "</main></body></html>"
    yield "text: one 16 MB line", fill_to("Title\n\nAxis 1: ", "a", "\n")
    yield "text: a million lines", fill_to("Title\n\n", "x\n", "", 2_000_000 + 16)
    yield "text: a million objectives", fill_to(
        "Title\n\n3 axes, 1 key actions and 1 objectives.\n\nAxis 1: A\nAction 1: B\nProgress : 50%\n",
        "Objective 1 : t\n\nIn progress\n\n", "")


def documents():
    head = '{"format": "jalon/5", "strategy": {"title": "x"}, "axes": '
    yield "json: nested 1,000,000 deep", head + "[" * 1_000_000
    yield "json: a 16 MB string", fill_to('{"format": "jalon/5", "strategy": {"title": "', "a", '"}}')
    obj = '{"number": %d, "title": "t", "status": "in_progress", "progress": 5},'
    objectives = []
    size, n = 0, 0
    while size < LIMIT - 200_000:
        s = obj % (n + 1)
        objectives.append(s)
        size += len(s)
        n += 1
    few = "".join(objectives[:50_000])[:-1]
    yield "json: 50,000 objectives, the most read", head + '[{"number": 1, "title": "A", "actions": [{"number": 1, "title": "B", "objectives": [' + few + "]}]}]}"
    yield f"json: {n:,} objectives", head + '[{"number": 1, "title": "A", "actions": [{"number": 1, "title": "B", "objectives": [' + "".join(objectives)[:-1] + "]}]}]}"
    yield "json: 16 MB of keys", fill_to('{"format": "jalon/5", "strategy": {"title": "x"}, "x": {', '"k": 1,', '"k": 1}}')


def workbook(path, entries):
    """Writes a zip of (name, chunk, times) entries, each streamed: no big input in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, chunk, times in entries:
            with z.open(name, "w", force_zip64=True) as f:
                for _ in range(times):
                    f.write(chunk)


def lying(path):
    """The zip at `path`, its central directory saying each entry expands to 1 kB."""
    raw = bytearray(path.read_bytes())
    # Each central directory record's uncompressed size (offset 24), and zip64 extras aside.
    i = raw.find(b"PK\x01\x02")
    while i >= 0:
        raw[i + 24:i + 28] = (1024).to_bytes(4, "little")
        i = raw.find(b"PK\x01\x02", i + 4)
    path.write_bytes(bytes(raw))


def workbooks(f):
    """Writes each hostile workbook to `f` in turn, yielding its name once written."""
    head = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData><row>')
    core = [("[Content_Types].xml", b"<Types/>", 1), ("xl/workbook.xml", b"<workbook/>", 1)]
    cells = ("xl/worksheets/sheet1.xml", b"<c><v>1</v></c>" * 100_000, 400)
    workbook(f, core + [cells])
    yield "xlsx: 600 MB of cells in 1 MB"
    workbook(f, core + [cells])
    lying(f)
    yield "xlsx: the same, its sizes lying"
    workbook(f, core + [(f"x/{i}.xml", b"", 1) for i in range(60_000)])
    yield "xlsx: 60,000 entries"
    f.write_bytes(b"PK\x03\x04" + os.urandom(1_000_000))
    yield "xlsx: not a zip"
    del head


def cases(tmp):
    """(name, input file, bytes, CLI arguments, report file to remove first), one at a time:
    each input is written just before it is read."""
    db = tmp / "round.jalon"
    for name, text in pages():
        f = tmp / "page.html"
        f.write_text(text, encoding="utf-8")
        yield name, f.stat().st_size, ["import-page", str(f), "--db", str(tmp / "p.jalon")], tmp / "p.jalon"
    for name, text in documents():
        f = tmp / "doc.json"
        f.write_text(text, encoding="utf-8")
        yield name, f.stat().st_size, ["import-json", str(f), "--db", str(tmp / "j.jalon")], tmp / "j.jalon"
    f = tmp / "returned.xlsx"
    for name in workbooks(f):
        yield name, f.stat().st_size, ["round", "import", str(f), "--db", str(db)], None


def main():
    if not CLI.exists():
        sys.exit(f"hostile-bench: no CLI at {CLI}: cargo build --release -p jalon-cli")
    over = 0
    worst_s = worst_mb = (0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "round.jalon"
        subprocess.run([str(CLI), "import-json", str(ROOT / "assets/demo/demo-report.json"), "--db", str(db)],
                       check=True, capture_output=True)
        subprocess.run([str(CLI), "round", "start", "--db", str(db), "--out", str(tmp / "round")],
                       check=True, capture_output=True)
        print(f"{'input':<36} {'size':>9} {'time':>7} {'memory':>8}  outcome")
        for name, size, args, made in cases(tmp):
            if made:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(made) + suffix).unlink(missing_ok=True)
            seconds, mb, code, said = run(args)
            flag = ""
            if seconds > BUDGET_S or mb > BUDGET_MB:
                over += 1
                flag = "  OVER BUDGET"
            outcome = "read" if code == 0 else "refused: " + said[:70]
            print(f"{name:<36} {size / 1048576:>7.1f}MB {seconds:>6.2f}s {mb:>6.0f}MB  {outcome}{flag}")
            worst_s = max(worst_s, (seconds, name))
            worst_mb = max(worst_mb, (mb, name))
    print(f"hostile-bench: worst time {worst_s[0]:.2f} s ({worst_s[1]}), worst memory "
          f"{worst_mb[0]:.0f} MB ({worst_mb[1]}); budget {BUDGET_S:.0f} s and {BUDGET_MB:.0f} MB")
    return over


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
