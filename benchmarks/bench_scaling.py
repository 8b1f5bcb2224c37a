#!/usr/bin/env python3
"""Scaling curves of issue 12: reads benchmarks/target/bench-raw/scaling-*.jsonl (written by
io.skystate.bench.scaling.ScalingMain) and writes one SVG line chart per curve,
results/<date>-scaling-<curve>.svg, and results/<date>-scaling.md: a table per curve (median and range of the
repeats at each point, the load average while measuring) and a sentence stating the curve's shape, derived from
the measured points (log-log slope between neighbouring points), never written by hand.

    python3 benchmarks/bench_scaling.py <raw dir> <results dir> [date]
"""
import json
import math
import os
import statistics
import sys
import time

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
          "#17becf"]
# State and listing rows by their mode: where they ran. Emulator curves are the emulator's, not the cloud service's.
WHERE = {"memory": "local, memory", "file": "local, file", "dynamodb": "moto, adapter-aws",
         "tables": "Azurite Tables, adapter-azure", "firestore": "Firestore emulator, adapter-gcp"}


def load(raw, part):
    path = os.path.join(raw, f"scaling-{part}.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        rows = [json.loads(line) for line in f if line.strip().startswith("{")]
    return [r for r in rows if r.get("repeat", 0) >= 0]  # repeat -1: warm-up


def series(rows, x, y, **match):
    """{x: [y, ...]} over the rows whose fields equal `match`."""
    out = {}
    for r in rows:
        if all(r.get(k) == v for k, v in match.items()) and x in r and y in r:
            out.setdefault(r[x], []).append(r[y])
    return dict(sorted(out.items()))


def shape(points, unit_x="N"):
    """Words for a curve's shape from its medians: flat / linear / sub- or super-linear per stretch, from the log-log
    slope between neighbouring points. A change smaller than the spread of the repeats (their [min, max] ranges
    overlap) counts as no change, and a knee is where the words change."""
    xs = [x for x in points if x > 0 and statistics.median(points[x]) > 0]
    if len(xs) < 2:
        return "too few points to say"
    ys = [statistics.median(points[x]) for x in xs]

    def overlap(i, j):  # each median inside the other point's [min, max]: no change beyond the spread
        a, b = points[xs[i]], points[xs[j]]
        return len(a) > 1 and len(b) > 1 and min(a) <= ys[j] <= max(a) and min(b) <= ys[i] <= max(b)

    def slope(i, j):
        return 0.0 if overlap(i, j) else (math.log(ys[j]) - math.log(ys[i])) / (math.log(xs[j]) - math.log(xs[i]))

    def word(s):
        if abs(s) < 0.15:
            return "flat"
        if s <= -0.15:
            return "falling"
        if 0.85 <= s <= 1.15:
            return "linear"
        return "sub-linear" if s < 1 else "super-linear"

    if max(ys) / min(ys) < 1.5 and len(xs) > 2:
        return (f"flat: every median within a factor {max(ys) / min(ys):.2f} of the others from {unit_x}={xs[0]:,} "
                f"to {xs[-1]:,} ({ys[0]:.3g} → {ys[-1]:.3g}; overall log-log slope "
                f"{(math.log(ys[-1]) - math.log(ys[0])) / (math.log(xs[-1]) - math.log(xs[0])):.2f})")
    words = [word(slope(i, i + 1)) for i in range(len(xs) - 1)]
    stretches, start = [], 0
    for i in range(1, len(words) + 1):
        if i == len(words) or words[i] != words[start]:
            stretches.append((start, i))
            start = i
    parts = []
    for i, j in stretches:
        w = word(slope(i, j)) if words[i] != "flat" else "flat"
        detail = f" (log-log slope {slope(i, j):.2f})" if w in ("sub-linear", "super-linear", "falling") else ""
        noise = ""
        if w == "flat" and any(overlap(k, k + 1) for k in range(i, j)) and abs(math.log(ys[j] / ys[i])) > 0.15:
            noise = " within the spread of the repeats"
        elif w == "flat" and abs(math.log(ys[j] / ys[i])) > 0.15:
            w, detail = "nearly flat", f" (log-log slope {slope(i, j):.2f})"
        parts.append(f"{w}{detail}{noise} from {unit_x}={xs[i]:,} to {xs[j]:,} ({ys[i]:.3g} → {ys[j]:.3g})")
    knees = [xs[j] for _, j in stretches[:-1]]
    return "; ".join(parts) + (f" — knee at {unit_x}={', '.join(f'{k:,}' for k in knees)}" if knees else "")


def svg(title, xlabel, ylabel, lines, log_y=True):
    """A hand-written SVG line chart, log x; `lines` is [(label, {x: [y...]})], drawn at the median with a bar
    from min to max."""
    width, height, left, right, top, bottom = 900, 420, 80, 270, 40, 50
    pts = [(x, v) for _, s in lines for x, vs in s.items() for v in vs if x > 0 and (v > 0 or not log_y)]
    if not pts:
        return None
    xlo, xhi = min(p[0] for p in pts), max(p[0] for p in pts)
    ylo, yhi = min(p[1] for p in pts), max(p[1] for p in pts)
    if log_y:
        ylo, yhi = 10 ** math.floor(math.log10(ylo)), 10 ** math.ceil(math.log10(yhi))
    else:
        ylo, yhi = 0, yhi * 1.1 or 1
    xhi = xhi if xhi > xlo else xlo * 10

    def px(x):
        return left + (math.log10(x) - math.log10(xlo)) / (math.log10(xhi) - math.log10(xlo)) * (width - left - right)

    def py(y):
        if log_y:
            f = (math.log10(max(y, ylo)) - math.log10(ylo)) / (math.log10(yhi) - math.log10(ylo))
        else:
            f = (y - ylo) / (yhi - ylo)
        return height - bottom - f * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="20" font-size="13" font-weight="bold">{title}</text>',
           f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">{xlabel} (log)</text>',
           f'<text x="14" y="{(top + height - bottom) / 2}" transform="rotate(-90 14 {(top + height - bottom) / 2})" '
           f'text-anchor="middle">{ylabel}{" (log)" if log_y else ""}</text>']
    xt = sorted({x for _, s in lines for x in s if x > 0})
    for x in xt:
        out.append(f'<line x1="{px(x):.1f}" y1="{top}" x2="{px(x):.1f}" y2="{height - bottom}" stroke="#eee"/>')
        out.append(f'<text x="{px(x):.1f}" y="{height - bottom + 14}" text-anchor="middle">{x:,}</text>')
    yt = [10 ** e for e in range(round(math.log10(ylo)), round(math.log10(yhi)) + 1)] if log_y \
        else [yhi / 5 * i for i in range(6)]
    for y in yt:
        out.append(f'<line x1="{left}" y1="{py(y):.1f}" x2="{width - right}" y2="{py(y):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 4}" y="{py(y) + 4:.1f}" text-anchor="end">{y:g}</text>')
    for i, (label, s) in enumerate(lines):
        c = COLORS[i % len(COLORS)]
        xs = [x for x in s if x > 0]
        path = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(statistics.median(s[x])):.1f}" for j, x in enumerate(xs))
        out.append(f'<path d="{path}" fill="none" stroke="{c}" stroke-width="2"/>')
        for x in xs:
            out.append(f'<line x1="{px(x):.1f}" y1="{py(min(s[x])):.1f}" x2="{px(x):.1f}" y2="{py(max(s[x])):.1f}" stroke="{c}"/>')
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(statistics.median(s[x])):.1f}" r="3" fill="{c}"/>')
        out.append(f'<line x1="{width - right + 10}" y1="{top + 8 + i * 16}" x2="{width - right + 30}" y2="{top + 8 + i * 16}" stroke="{c}" stroke-width="2"/>')
        out.append(f'<text x="{width - right + 34}" y="{top + 12 + i * 16}">{label}</text>')
    out.append("</svg>")
    return "\n".join(out)


def table(md, xname, lines, digits=3):
    xs = sorted({x for _, s in lines for x in s})
    md.append(f"| {xname} | " + " | ".join(label for label, _ in lines) + " |")
    md.append("|---|" + "---|" * len(lines))
    for x in xs:
        cells = []
        for _, s in lines:
            v = s.get(x)
            cells.append("—" if not v else (f"{statistics.median(v):.{digits}g}" +
                                            (f" [{min(v):.{digits}g}–{max(v):.{digits}g}]" if len(v) > 1 else "")))
        md.append(f"| {x:,} | " + " | ".join(cells) + " |")


def loads(rows):
    vals = [float(r["load"].split()[0]) for r in rows if r.get("load", "n/a") != "n/a"]
    return f"load average (1 min) while measuring: {min(vals):.2f}–{max(vals):.2f}" if vals else ""


def curve(md, svgs, date, results, name, title, xname, xlabel, ylabel, lines, log_y=True, rows=()):
    lines = [(label, s) for label, s in lines if s]
    if not lines:
        return
    md.append(f"### {title}")
    md.append("")
    table(md, xname, lines)
    md.append("")
    for label, s in lines:
        md.append(f"- **{label}**: {shape(s, xname)}.")
    if rows:
        md.append(f"- {loads(rows)}.")
    md.append("")
    text = svg(title, xlabel, ylabel, lines, log_y)
    if text:
        fname = f"{date}-scaling-{name}.svg"
        with open(os.path.join(results, fname), "w") as f:
            f.write(text)
        md.append(f"![{title}]({fname})")
        md.append("")
        svgs.append(fname)


def compare(md, before, after):
    """Before/after table of the callback sweep measured in the same run (medians over repeats)."""
    metrics = [("not-due", "recordsListedPerSweep", "index records listed per idle sweep"),
               ("not-due", "sweepMsMedian", "ms per idle sweep"),
               ("idle", "sweeperCpuMsPerS", "idle sweeper CPU ms/s"),
               ("due-burst", "catchUpMs", "ms to settle a burst, 1 sweeper"),
               ("due-burst", "sweepRounds", "sweeps to settle a burst, 1 sweeper"),
               ("due-burst", "callsPerCallback", "store calls per due callback, 1 sweeper"),
               ("due-burst-2-sweepers", "catchUpMs", "ms to settle a burst, 2 sweepers"),
               ("due-burst-2-sweepers", "callsPerCallback", "store calls per due callback, 2 sweepers"),
               ("due-burst-2-sweepers", "conflicts", "version conflicts, 2 sweepers")]
    md += ["### Callback sweep before and after the fix (local; two JVMs one after the other, "
           "before = the core jar of 9ab66f3)", "",
           "| measurement | N | before | after | after / before |", "|---|---|---|---|---|"]
    for case, field, label in metrics:
        b, a = series(before, "n", field, case=case), series(after, "n", field, case=case)
        for n in sorted(set(b) & set(a)):
            mb, ma = statistics.median(b[n]), statistics.median(a[n])
            ratio = f"{ma / mb:.2f}" if mb else "—"
            md.append(f"| {label} | {n:,} | {mb:.3g} | {ma:.3g} | {ratio} |")
    md += ["", f"- before: {loads(before)}; after: {loads(after)}.", ""]


def render(raw, results, date=None):
    cb, st, ls = load(raw, "callbacks"), load(raw, "state"), load(raw, "list")
    wf, hi, cba = load(raw, "workflow"), load(raw, "history"), load(raw, "callbacks-aws")
    cbz, cbg = load(raw, "callbacks-azure"), load(raw, "callbacks-gcp")
    sta = load(raw, "state-aws") + load(raw, "state-azure") + load(raw, "state-gcp")  # emulators: threads, listing
    st += [r for r in sta if r["part"] == "state"]
    ls += [r for r in sta if r["part"] == "list"]
    if not any([cb, st, ls, wf, hi, cba, sta, cbz, cbg]):
        return None
    stamps = [os.path.getmtime(os.path.join(raw, f)) for f in os.listdir(raw) if f.startswith("scaling-")]
    date = date or time.strftime("%Y-%m-%d", time.gmtime(max(stamps)))
    md, svgs = [f"# Scaling curves, {date} (issue 12)", "",
                "Written by `benchmarks/bench_scaling.py` from `benchmarks/target/bench-raw/scaling-*.jsonl` "
                "(`io.skystate.bench.scaling.ScalingMain`). Each cell: median of the repeats [min–max]. "
                "The shape sentences are computed from the medians (log-log slope between neighbouring points: "
                "|slope| < 0.15 flat, 0.85–1.15 linear; a change smaller than the spread of the repeats, i.e. "
                "each median inside the other point's [min–max], counts as flat; a curve whose medians all lie within a "
                "factor 1.5 of each other is called flat as a whole; a knee is where the words change). "
                "2 shared cores: absolute figures are this machine's under the load shown, not goals.", ""], []
    before = load(raw, "callbacks-before")
    if before and cb:
        compare(md, before, cb)
    for backend, tag, rows in (("local", "", cb), ("local, before the sweep fix", "-before", before),
                               ("moto", "-aws", cba), ("Azurite, adapter-azure", "-azure", cbz),
                               ("Firestore emulator, adapter-gcp", "-gcp", cbg)):
        if not rows:
            continue
        curve(md, svgs, date, results, f"callbacks{tag}-sweep", f"Callback sweep, nothing due ({backend})", "N",
              "pending callbacks N", "value per sweep",
              [("ms per sweep", series(rows, "n", "sweepMsMedian", case="not-due")),
               ("store calls per sweep", series(rows, "n", "callsPerSweep", case="not-due")),
               ("index records listed per sweep", series(rows, "n", "recordsListedPerSweep", case="not-due"))],
              rows=[r for r in rows if r["case"] == "not-due"])
        curve(md, svgs, date, results, f"callbacks{tag}-burst", f"Callback sweep, N due at once ({backend})", "N",
              "due callbacks N", "ms / count",
              [("ms until all settled, 1 sweeper", series(rows, "n", "catchUpMs", case="due-burst")),
               ("sweeps needed, 1 sweeper", series(rows, "n", "sweepRounds", case="due-burst")),
               ("store calls per callback, 1 sweeper", series(rows, "n", "callsPerCallback", case="due-burst")),
               ("ms until all settled, 2 sweepers", series(rows, "n", "catchUpMs", case="due-burst-2-sweepers")),
               ("store calls per callback, 2 sweepers", series(rows, "n", "callsPerCallback", case="due-burst-2-sweepers")),
               ("version conflicts, 2 sweepers", series(rows, "n", "conflicts", case="due-burst-2-sweepers"))],
              rows=[r for r in rows if r["case"].startswith("due")])
        idle = [r for r in rows if r["case"] == "idle"]
        if idle:
            md.append(f"Idle process, {backend}: background sweeper CPU (ms per s of wall time) with N callbacks "
                      f"pending, none due:")
            md.append("")
            table(md, "N", [("sweeper CPU ms/s", series(idle, "n", "sweeperCpuMsPerS"))])
            md.append(f"- {loads(idle)}.")
            md.append("")
    for mode, where in WHERE.items():
        curve(md, svgs, date, results, f"state-{mode}", f"State throughput vs threads ({where})", "threads",
              "threads", "ops/s",
              [(f"{op}", series(st, "threads", "opsPerS", mode=mode, op=op)) for op in ("get", "put")],
              rows=[r for r in st if r["mode"] == mode])
    modes = tuple(WHERE)
    curve(md, svgs, date, results, "list", "Listing a group page by page (100 per page; dynamodb = moto, "
          "tables = Azurite, firestore = Firestore emulator)", "N", "records in the group", "ms / µs",
          [(f"{mode}: total ms", series(ls, "n", "totalMs", mode=mode)) for mode in modes]
          + [(f"{mode}: µs per record", series(ls, "n", "usPerRecord", mode=mode)) for mode in modes],
          rows=ls)
    curve(md, svgs, date, results, "workflow", "Local durable workflow throughput vs concurrent runs (seq3)", "N",
          "runs started at once", "runs/s", [("runs/s", series(wf, "n", "runsPerS"))], rows=wf)
    curve(md, svgs, date, results, "history", "Workflow history vs run length (local, file)", "steps",
          "steps in the run", "count / bytes / ms",
          [("history entries", series(hi, "steps", "entries")), ("rows stored", series(hi, "steps", "rows")),
           ("bytes stored", series(hi, "steps", "bytes")), ("history read ms", series(hi, "steps", "readMsMedian")),
           ("run ms", series(hi, "steps", "runMs"))],
          rows=hi)
    with open(os.path.join(results, f"{date}-scaling.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    return f"{date}-scaling.md", svgs


if __name__ == "__main__":
    print(render(*sys.argv[1:]))
