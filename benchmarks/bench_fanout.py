"""Workflow cost per step (issue 12): fan10 against seq3 on the local durable engine.

Two sources, both optional:
- workflow.jsonl (WorkflowBench): per-step time = 1 / median throughput / steps, steps = 3 (seq3) and 11 (fan10: ten
  one-task branches + the parallel step itself);
- fanout.jsonl (WorkflowStepBench): the same two workflows alternating in one process, plus SQL statements and
  transactions per run from its untimed counting pass.
"""
import json
import os
import statistics

STEPS = {"seq3": 3, "fan10": 11}
GOAL = 1.5


def per_step_rows(groups, summary):
    """Rows 'N | seq3 µs/step | fan10 µs/step | ratio' from WorkflowBench groups (skystate, file); adds summary rows
    (pass None to add none)."""
    rows = []
    for n in [1, 100, 1000]:
        cost = {}
        for workflow in STEPS:
            g = groups.get(("skystate", "file", workflow, n))
            if g and all(x["completed"] >= n for x in g):
                cost[workflow] = 1e6 / statistics.median(x["throughput"] for x in g) / STEPS[workflow]
        if len(cost) == 2:
            ratio = cost["fan10"] / cost["seq3"]
            rows.append(f"| {n} | {cost['seq3']:.0f} | {cost['fan10']:.0f} | **{ratio:.2f}×** | "
                        f"{'met' if ratio <= GOAL else '**missed**'} |")
            if summary is not None:
                summary.append(("workflow", f"fan10/seq3 per step durable N={n}", ratio, f"≤ {GOAL}", ratio <= GOAL))
    return rows


def section(md, groups, raw, summary):
    """Appends the per-step section (after the workflow table)."""
    md.append("### Cost per step, local durable engine (issue 12)\n")
    md.append("Per-step time = 1 / throughput / steps (seq3: 3 task steps; fan10: 10 task steps + the parallel step "
              f"= 11). Goal: fan10's per-step time ≤ {GOAL}× seq3's.\n")
    path = os.path.join(raw, "fanout.jsonl")
    # the summary takes the alternating WorkflowStepBench figures when there are any
    rows = per_step_rows(groups, None if os.path.exists(path) else summary)
    if rows:
        md.append("| N | seq3 µs/step | fan10 µs/step | fan10 / seq3 | goal |")
        md.append("|---|---|---|---|---|")
        md.extend(rows)
        md.append("")
    if not os.path.exists(path):
        return
    lines = [json.loads(l) for l in open(path)]
    md.append("`WorkflowStepBench` (same process, alternating order; N=1: 20 instances one after another, N=100: one "
              "batch, per round): per-step µs, mean over rounds [min–max]; SQL per run from the untimed counting pass.\n")
    md.append("| N | seq3 µs/step | fan10 µs/step | fan10 / seq3 | CPU fan10 / seq3 | transactions per step seq3 / fan10 |")
    md.append("|---|---|---|---|---|---|")
    count = {(x["count"], x["n"]): x for x in lines if "count" in x}
    for n in sorted({x["n"] for x in lines if "workflow" in x}):
        per = {w: [x["perStepUs"] for x in lines if x.get("workflow") == w and x["n"] == n] for w in STEPS}
        if not all(per.values()):
            continue
        mean = {w: statistics.mean(v) for w, v in per.items()}
        cpu = {w: statistics.mean(x.get("cpuPerStepUs", float("nan")) for x in lines
                                  if x.get("workflow") == w and x["n"] == n) for w in STEPS}
        ratio = mean["fan10"] / mean["seq3"]
        if n > 1:
            summary.append(("workflow", f"fan10/seq3 per step durable N={n}", ratio, f"≤ {GOAL}", ratio <= GOAL))
        tx = [count.get((w, n)) for w in STEPS]
        tx_txt = " / ".join(f"{c['transactionsPerRun'] / STEPS[c['count']]:.2f}" for c in tx) if all(tx) else "—"
        md.append(f"| {n} | {mean['seq3']:.0f} [{min(per['seq3']):.0f}–{max(per['seq3']):.0f}] | "
                  f"{mean['fan10']:.0f} [{min(per['fan10']):.0f}–{max(per['fan10']):.0f}] | "
                  f"{ratio:.2f}× | {cpu['fan10'] / cpu['seq3']:.2f}× | {tx_txt} |")
    loads = [x["loadavg"] for x in lines if "loadavg" in x]
    md.append(f"\nLoad average at start / end: {' / '.join(loads)}.\n")


def compare(paths):
    """Markdown table per label (before/after files of WorkflowStepBench): per-step cost, ratio, throughput, SQL."""
    out = ["| label | N | seq3 µs/step [min–max] | fan10 µs/step [min–max] | fan10 / seq3 (per round) | "
           "CPU µs/step seq3 / fan10 (ratio) | seq3 / fan10 runs/s | seq3 / fan10 p50, p99 ms | "
           "transactions per run seq3 / fan10 | load start / end |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for path in paths:
        lines = [json.loads(l) for l in open(path)]
        label = lines[0]["label"]
        loads = " / ".join(x["loadavg"].split()[0] for x in lines if "loadavg" in x)
        count = {(x["count"], x["n"]): x for x in lines if "count" in x}
        for n in sorted({x["n"] for x in lines if "workflow" in x}):
            rows = {w: [x for x in lines if x.get("workflow") == w and x["n"] == n] for w in STEPS}
            per = {w: [x["perStepUs"] for x in r] for w, r in rows.items()}
            mean = {w: statistics.mean(v) for w, v in per.items()}
            rounds = ", ".join(f"{f / s:.2f}" for s, f in zip(per["seq3"], per["fan10"]))
            cpu = {w: statistics.mean(x.get("cpuPerStepUs", float("nan")) for x in r) for w, r in rows.items()}
            cpu_txt = f"{cpu['seq3']:.0f} / {cpu['fan10']:.0f} ({cpu['fan10'] / cpu['seq3']:.2f}×)"
            tput = " / ".join(f"{statistics.mean(x['throughput'] for x in rows[w]):.0f}" for w in STEPS)
            lat = " / ".join(f"{statistics.median(x['p50'] for x in rows[w]):.0f}, "
                             f"{max(x['p99'] for x in rows[w]):.0f}" for w in STEPS)
            tx = " / ".join(f"{count[(w, n)]['transactionsPerRun']:.1f}" if (w, n) in count else "—" for w in STEPS)
            out.append(f"| {label} | {n} | {mean['seq3']:.0f} [{min(per['seq3']):.0f}–{max(per['seq3']):.0f}] | "
                       f"{mean['fan10']:.0f} [{min(per['fan10']):.0f}–{max(per['fan10']):.0f}] | "
                       f"**{mean['fan10'] / mean['seq3']:.2f}×** ({rounds}) | {cpu_txt} | {tput} | {lat} | {tx} | {loads} |")
    return "\n".join(out)


if __name__ == "__main__":
    import sys
    print(compare(sys.argv[1:]))
