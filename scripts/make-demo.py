"""Builds assets/demo/demo-report.json: the demo report of 2026-Q1 with two earlier quarters
(2025-Q3, 2025-Q4) as closed periods, so that a new user sees trends and comparisons at once.

The earlier editions are derived from tests/fixtures/documents/jalon1-demo.json: lower
percentages and shorter achievement texts. They go through the real CLI (import-json, then
periods close), so the snapshots and checksums are Jalon's own.

Run from the repository root: python3 scripts/make-demo.py target/debug/jalon-cli
"""
import copy
import json
import pathlib
import subprocess
import sys
import tempfile

cli = sys.argv[1]
base = json.loads(pathlib.Path("tests/fixtures/documents/jalon1-demo.json").read_text())

# (label, as of, points taken off, indicator current values by objective number, closed at)
EARLIER = [
    ("2025-Q3", "2025-09-30", 2, {3: "58", 12: "37"}, "2025-10-14T09:30:00Z"),
    ("2025-Q4", "2025-12-31", 1, {3: "62", 12: "34"}, "2026-01-13T10:00:00Z"),
]


# Earlier achievement texts, 2025-Q3 then 2025-Q4, for the objectives whose story moved in
# words as well as in figures.
TEXTS = {
    1: ("Half of the secondary schools are connected.",
        "Most secondary schools are now connected; the rural sites are being surveyed."),
    4: ("The course runs in two training institutes.",
        "The course runs in a third of the training institutes."),
    11: ("Three of the ten procedures can now be done online.",
         "Five of the ten procedures can now be done online."),
    31: ("The security roadmap is being drafted.",
         "The security roadmap has two parts: prevention and detection."),
    36: ("A secure AI assistant is being designed.",
         "A secure AI assistant is in beta with a few hundred staff."),
    41: ("Four strategic projects out of twenty-two publish their code.",
         "Seven strategic projects out of twenty-two publish their code."),
    43: ("A quarter of the regions have moved their servers to the national site.",
         "A third of the regions have moved their servers to the national site."),
}


def edition(label, as_of, steps, currents):
    doc = copy.deepcopy(base)
    doc["strategy"]["reporting_period"] = label
    doc["strategy"]["as_of"] = as_of
    for axis in doc["axes"]:
        for action in axis["actions"]:
            for o in action["objectives"]:
                if o["indicator"]:
                    o["indicator"]["current"] = currents[o["number"]]
                    continue
                # A different pace per objective, so that the lines do not move in step.
                taken = steps * (5 + (o["number"] * 7) % 11)
                if o["progress"] in (0, 100) and o["number"] % 2 == 0:
                    continue
                old = max(0, o["progress"] - taken)
                if old == o["progress"]:
                    continue
                o["progress"] = old
                if o["status"] in ("completed", "abandoned"):
                    o["status"] = "in_progress"
                if old == 0:
                    o["status"] = "not_started"
                if o["number"] in TEXTS:
                    o["achievement"] = TEXTS[o["number"]][2 - steps]
    return doc


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    db = tmp / "demo.jalon"
    docs = [edition(l, a, s, c) for l, a, s, c, _ in EARLIER] + [base]
    for i, doc in enumerate(docs):
        path = tmp / f"{i}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False))
        subprocess.run([cli, "import-json", str(path), "--db", str(db)], check=True)
        if i < len(EARLIER):
            subprocess.run([cli, "periods", "close", "--db", str(db), "--force"], check=True)
    out = tmp / "out.json"
    subprocess.run([cli, "export-json", "--db", str(db), "--out", str(out)], check=True)
    doc = json.loads(out.read_text())
    # The closing times are the moment of the real closings, months ago in the demo's story;
    # they are not part of the checksummed snapshots.
    for period, (_, _, _, _, closed_at) in zip(doc["periods"], EARLIER):
        period["closed_at"] = closed_at
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    pathlib.Path("assets/demo/demo-report.json").write_text(text)
    print(f"wrote assets/demo/demo-report.json with {len(doc['periods'])} closed periods")
