"""Report of the paired client-CPU measurement of Azure Tables and Firestore state overhead (goals 2b, 2c).

bench.py's report calls section(); run alone (python3 benchmarks/bench_paired.py <bench-raw>) it prints the tables.
Raw data: azure-paired.json and gcp-paired.json (io.skystate.bench.azure.AzureTablesBenchMain and
io.skystate.bench.gcp.FirestoreBenchMain with the argument paired), both written by
io.skystate.bench.overhead.PairedState: per operation pairs of alternating blocks, each block's CPU time per operation of the calling thread and of the whole process, and
its wall time. The goal is judged on the process's CPU time: both SDKs do part of their I/O work on threads of their
own (the Azure HTTP client's event loops, gRPC's threads), which the calling thread's CPU time misses; the emulators
run in processes of their own, so the process's CPU time is the client's.
"""
import json
import os
import sys
import time

from bench_awscanned import GOAL, median_ci

PARTS = [("azure", "2b", "Azure Tables on Azurite", "azure state, Azurite"),
         ("gcp", "2c", "Firestore on the Firestore emulator", "gcp state, Firestore emulator")]
OPS = ["get", "put", "conditionalPut", "transaction10"]
METRICS = [("process", "process CPU (decisive)"), ("thread", "calling thread CPU"), ("wall", "wall time")]


def metric(result, name):
    """The summary of one cost: the calling thread's sits at the top level, the others under their name."""
    return result if name == "thread" else result.get(name)


def judge(ratios):
    """(word, ok, lo, hi): met when the median's whole 95% interval is ≤ the goal, missed when all of it is above."""
    lo, hi = median_ci(ratios)
    ok = True if hi <= GOAL else False if lo > GOAL else None
    return ("met" if ok else "**missed**" if ok is False else "undecided"), ok, lo, hi


def table(data):
    """Markdown lines: per operation and cost, medians per side, Δ, ratio with its interval and quartiles."""
    lines = ["| operation | cost | Skystate µs/op (median) | SDK µs/op (median) | Δ µs/op | ratio: median (95% CI) "
             "[quartiles] | goal ≤ 1.10 | block ops | load before → after |", "|---|---|---|---|---|---|---|---|---|"]
    for op in OPS:
        r = data.get("ops", {}).get(op)
        if not r:
            continue
        for name, label in METRICS:
            m = metric(r, name)
            if not m:
                continue
            unit = "WallUsMedian" if name == "wall" else "CpuUsMedian"
            sk, sd = m["skystate" + unit], m["sdk" + unit]
            word, _, lo, hi = judge(m["ratios"])
            word = word if name == "process" else f"({word})"
            lines.append(f"| {op} | {label} | {sk:.1f} | {sd:.1f} | {sk - sd:+.1f} | **{m['ratioMedian']:.3f}** "
                         f"({lo:.3f}–{hi:.3f}) [{m['ratioP25']:.3f}–{m['ratioP75']:.3f}] | {word} | "
                         f"{r.get('blockOps')} | {r.get('loadBefore')} → {r.get('loadAfter')} |")
    return lines


def section(raw, md, rows_svg, summary):
    """Appends a section per measured provider to the results file's lines, the chart rows and the README summary."""
    for name, number, label, area in PARTS:
        path = os.path.join(raw, f"{name}-paired.json")
        if not os.path.exists(path):
            continue
        data = json.load(open(path))
        md.append(f"## {number}. {label}: paired client CPU time, Skystate vs the SDK (decides goal {number})\n")
        md.append(f"Measured {time.strftime('%Y-%m-%d %H:%M', time.localtime(os.path.getmtime(path)))} "
                  f"({data.get('start')} – {data.get('end')}). Both sides of the section's JMH benchmark open in one "
                  f"JVM against one emulator (its own Node process), per operation both warmed "
                  f"{data.get('warmMillis')} ms each, then {data.get('pairs')} pairs of blocks of about "
                  f"{data.get('blockMillis')} ms in alternating order; per block the CPU time per operation of the "
                  "whole JVM process and of the calling thread, and the wall time; ratio per pair = Skystate / SDK; "
                  "median with its 95% confidence interval (order statistics) and quartiles. Decided on the process's "
                  "CPU time (the SDK's event-loop / gRPC threads do part of the work); the calling thread's and the "
                  "wall time's verdicts are in parentheses, for comparison only.\n")
        md.extend(table(data))
        md.append("")
        for op in OPS:
            r = data.get("ops", {}).get(op)
            if not r or not r.get("process"):
                continue
            _, ok, _, _ = judge(r["process"]["ratios"])
            rows_svg.append((f"{name} paired process CPU {op}", r["process"]["ratioMedian"], GOAL, "lower"))
            summary.append((area, f"{op}, paired process CPU", r["process"]["ratioMedian"], "≤ 1.10", ok))


if __name__ == "__main__":
    out_md, out_svg, out_summary = [], [], []
    section(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/bench-raw", out_md, out_svg, out_summary)
    print("\n".join(out_md))
