"""The axis chart of jalon-charts (horizontal bars, action number and title on the left, value
at the end of each bar, title, subtitle, source line) drawn with matplotlib's Agg backend at
1920x1080, timed over N runs. Prints the mean milliseconds per PNG.

Usage: chart_matplotlib.py SUMMARY.json AXIS RUNS OUT.png
"""
import io
import json
import sys
import textwrap
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def draw(summary, axis_number):
    axis = next(a for a in summary["axes"] if a["number"] == axis_number)
    s = summary["strategy"]
    fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
    fig.text(0.0375, 0.93, f"Axis {axis_number}: progress per action", fontsize=34, weight="bold")
    fig.text(0.0375, 0.885, f"{s['title']} — {s['reporting_period']} — data as of {s['as_of']}", fontsize=20, color="#4d5661")
    fig.text(0.0375, 0.04, f"Source: {s['title']} progress report; figures computed by Jalon", fontsize=15, color="#4d5661")
    ax = fig.add_axes([0.33, 0.12, 0.6, 0.7])
    actions = axis["actions"]
    labels = ["\n".join(textwrap.wrap(f"Action {a['number']} — {a['title']}", 48)[:2]) for a in actions]
    values = [a["progress"] or 0 for a in actions]
    ys = range(len(actions))[::-1]
    ax.barh(list(ys), [100] * len(values), color="#e2e7ed", height=0.5)
    ax.barh(list(ys), values, color="#005a9c", height=0.5)
    for y, v, a in zip(ys, values, actions):
        ax.text(v + 1, y, "—" if a["progress"] is None else f"{v}%", va="center", fontsize=21, weight="bold")
    ax.set_yticks(list(ys), labels, fontsize=17)
    ax.set_xlim(0, 112)
    ax.set_xticks([])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(left=False)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return buf.getvalue()


def main():
    summary = json.load(open(sys.argv[1]))
    axis, runs, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    open(out, "wb").write(draw(summary, axis))  # warm-up, and a file to look at
    start = time.perf_counter()
    for _ in range(runs):
        draw(summary, axis)
    print(f"{(time.perf_counter() - start) * 1000 / runs:.3f}")


main()
