"""Cold start, part 4 continued (issue 12): Skystate's Lambda entry point against a hand-written Lambda handler, with
and without an AppCDS archive, and the first request after SnapStart/CRaC-style priming. Used by bench.py:

  bench.py coldstart-extra TARGET_DIR OUT.json   measure (own moto, own launches; ratios only within this run)
  bench.py report ...                            also writes results/<date>-coldstart.md from OUT.json (report())

Every ratio is against a baseline launched interleaved with it in the same run.
"""
import json
import os
import shutil
import statistics
import tempfile
import time

import bench
import bench_coldcloud

VARIANTS = [
    ("raw", "raw main, no library (floor)"),
    ("handwritten", "hand-written Lambda `RequestStreamHandler` + Jackson, no Skystate (baseline)"),
    ("lambda", "Skystate Lambda entry point: `LambdaRuntime.open` + `SkystateLambdaHandler`"),
] + bench_coldcloud.CLOUD_VARIANTS  # Azure Functions and Cloud Functions entry points and their baselines
RUNS = int(os.environ.get("BENCH_COLD_EXTRA_RUNS", "20"))
PRIME_RUNS = int(os.environ.get("BENCH_COLD_PRIME_RUNS", "6"))
MAINS = {"lambda": bench.LAMBDA_MAIN, "handwritten": "io.skystate.bench.coldstart.HandWrittenMain"}
GOAL_HANDWRITTEN = 1.10
GOAL_CDS_FLOOR = 2.0
ANALYSIS = "<!-- analysis: kept by bench_coldstart.report -->"


def _load():
    return open("/proc/loadavg").read().split()[:3]


def _classes(path, extra, env):
    """One launch with -Xlog:class+load: (all, from the JDK's CDS archive, from the AppCDS archive)."""
    with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as log:
        name = log.name
    bench.one_start(path, [*extra, f"-Xlog:class+load=info:file={name}"], env)
    lines = open(name).read().splitlines()
    os.unlink(name)
    top = sum(1 for l in lines if "shared objects file (top)" in l)
    shared = sum(1 for l in lines if "shared objects file" in l)
    return {"classes": len(lines), "classes_jdk_cds": shared - top, "classes_appcds": top}


def _timing(path, extra, env):
    """One launch with -Dbench.timing=true: the launcher's marks (init, priming, first request)."""
    err = []
    bench.one_start(path, [*extra, "-Dbench.timing=true"], env, None, err)
    for l in err:
        if l.startswith("timing "):
            marks = {k: int(v) for k, v in (kv.split("=") for kv in l.split()[1:])}
            return {"init_ms": marks["open"] - marks["main"], "prime_us": marks["prime_us"],
                    "request_us": marks["request_us"]}
    raise RuntimeError(f"no timing line: {err[-20:]}")


def measure(target, out):
    root = os.path.abspath(os.path.join(target, "..", ".."))
    bench_coldcloud.gcp_jar(target)
    jars = {v: bench.jar(target, v) for v, _ in VARIANTS}
    for v in ("gcp", "gcphand", "azure", "azurehand"):  # optional: without their jar or emulator, left out
        if not os.path.exists(jars[v]) or not bench_coldcloud.installed(root, v):
            print(f"cold start: variant {v} left out (no jar, or its emulator is not installed)")
            del jars[v]
    missing = [j for j in jars.values() if not os.path.exists(j)]
    if missing:
        raise RuntimeError(f"missing jars (build with -Pbenchmarks): {missing}")
    moto, endpoint = bench.start_moto(root, os.path.join(target, "moto-coldstart-extra.log"))
    if moto is None:
        raise RuntimeError("moto is not installed (scripts/install-emulators.sh)")
    env = {v: None for v in jars}
    extra = {v: [] for v in jars}
    env["lambda"] = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_REGION="us-east-1",
                         SKYSTATE_PREFIX="coldstart-", SKYSTATE_CREATE_RESOURCES="true")
    extra["lambda"] = list(bench.LAMBDA_JVM_ARGS)
    cds_dir = tempfile.mkdtemp()
    result = {"load_start": _load(), "runs": RUNS, "variants": {}, "priming": {}}
    cloud = bench_coldcloud.Cloud(root, target, {v: jars[v] for v in ("azure", "gcp") if v in jars})
    try:
        cloud.start()
        env.update(cloud.env)
        extra = {v: _Args(extra[v], v, cloud) for v in jars}  # the cloud entry points get a fresh signature each
        for v in jars:  # page cache, moto's tables; then the training launch that writes the AppCDS archive
            bench.one_start(jars[v], extra[v], env[v])
            jsa = os.path.join(cds_dir, v + ".jsa")
            bench.one_start(jars[v], [*extra[v], f"-XX:ArchiveClassesAtExit={jsa}"], env[v])
            result["variants"][v] = {"ms": [], "ms_appcds": [], "jar_bytes": os.path.getsize(jars[v]),
                                     "jsa_bytes": os.path.getsize(jsa)}
        cds = {v: [f"-XX:SharedArchiveFile={os.path.join(cds_dir, v + '.jsa')}"] for v in jars}
        for v in jars:
            bench.one_start(jars[v], [*extra[v], *cds[v]], env[v])  # unrecorded, as without the archive
        for _ in range(RUNS):  # interleaved: noise from the other builds on the machine hits every cell alike
            for v in jars:
                result["variants"][v]["ms"].append(bench.one_start(jars[v], extra[v], env[v]))
                result["variants"][v]["ms_appcds"].append(bench.one_start(jars[v], [*extra[v], *cds[v]], env[v]))
        for v in jars:
            result["variants"][v]["plain"] = _classes(jars[v], extra[v], env[v])
            result["variants"][v]["appcds"] = _classes(jars[v], [*extra[v], *cds[v]], env[v])
        runs = {"lambda": [], "lambda_primed": [], "handwritten": []}
        for _ in range(PRIME_RUNS):
            for key, v, flags in [("lambda", "lambda", ["-Dbench.prime=false"]),
                                  ("lambda_primed", "lambda", ["-Dbench.prime=true"]),
                                  ("handwritten", "handwritten", [])]:
                runs[key].append(_timing(jars[v], [*extra[v], *flags], env[v]))
        result["priming"] = runs
        cloud_timing = {v: [] for v in jars if v in dict(bench_coldcloud.CLOUD_VARIANTS)}
        for _ in range(PRIME_RUNS):
            for v in cloud_timing:
                cloud_timing[v].append(_timing(jars[v], extra[v], env[v]))
        for v in cloud_timing:
            result["variants"][v]["origins"] = bench_coldcloud.origins(jars[v], extra[v], env[v])
        result["cloud_timing"] = cloud_timing
    finally:
        cloud.close()
        moto.terminate()
        moto.wait(timeout=10)
        shutil.rmtree(cds_dir, ignore_errors=True)
    result["load_end"] = _load()
    result["time"] = time.strftime("%Y-%m-%d %H:%M")
    json.dump(result, open(out, "w"), indent=2)


class _Args:
    """A variant's JVM arguments, iterated once per launch: the fixed ones, then the per-launch ones of `cloud`."""

    def __init__(self, fixed, variant, cloud):
        self.fixed, self.variant, self.cloud = list(fixed), variant, cloud

    def __iter__(self):
        return iter([*self.fixed, *self.cloud.extra(self.variant)])


def _paired(a, b):
    """Per-round ratios a[i] / b[i] of two interleaved series: median and p25-p75."""
    r = [x / y for x, y in zip(a, b)]
    return statistics.median(r), bench.pct(r, 25), bench.pct(r, 75)


def report(raw, results_dir, summary):
    """Writes results/<date>-coldstart.md from coldstart-extra.json (keeping a hand-written analysis below the
    ANALYSIS marker) and adds the two goal rows to the README summary."""
    path = os.path.join(raw, "coldstart-extra.json")
    if not os.path.exists(path):
        return
    d = json.load(open(path))
    var = d["variants"]
    floor = statistics.median(var["raw"]["ms"])
    hand = statistics.median(var["handwritten"]["ms"])
    md = [f"# Cold start: Skystate's Lambda entry point vs a hand-written handler, AppCDS, priming ({d['time'][:10]})\n",
          f"Measured {d['time']} by `bench.py coldstart-extra` (load average {' '.join(d['load_start'])} at the start, "
          f"{' '.join(d['load_end'])} at the end; 2 cores shared with other builds). Each cell: {d['runs']} launches "
          "of `java [-XX:SharedArchiveFile=<variant>.jsa] -jar <variant>.jar`, a JSON line on stdin, time until the "
          "response line is read; all cells interleaved launch by launch. The AppCDS archive of each variant is "
          "written by one training launch (`-XX:ArchiveClassesAtExit`, a dynamic archive on top of the JDK's) "
          "before the timed launches. The Lambda variant runs against moto (no AWS call before the response).\n",
          "| variant | AppCDS | median ms | p25–p75 ms | ÷ raw floor | ÷ hand-written | per-launch ÷ hand-written "
          "(p25–p75) | classes loaded (JDK CDS / AppCDS) | jar / archive |",
          "|---|---|---|---|---|---|---|---|---|"]
    for v, label in VARIANTS:
        if v not in var:
            continue
        x = var[v]
        for key, cds in [("ms", "no"), ("ms_appcds", "yes")]:
            med = statistics.median(x[key])
            base = var["handwritten"][key]
            pr = _paired(x[key], base)
            c = x["plain" if key == "ms" else "appcds"]
            md.append(f"| {label} | {cds} | {med:.0f} | {bench.pct(x[key], 25):.0f}–{bench.pct(x[key], 75):.0f} | "
                      f"**{med / floor:.2f}** | **{med / hand:.2f}** | {pr[0]:.2f} ({pr[1]:.2f}–{pr[2]:.2f}) | "
                      f"{c['classes']} ({c['classes_jdk_cds']} / {c['classes_appcds']}) | "
                      f"{x['jar_bytes'] / 1024:.0f} KiB / {x['jsa_bytes'] / 1024 / 1024:.1f} MiB |")
    lam_hand = _paired(var["lambda"]["ms"], var["handwritten"]["ms"])
    lam_cds_floor = _paired(var["lambda"]["ms_appcds"], var["raw"]["ms"])
    lam_cds_raw_cds = _paired(var["lambda"]["ms_appcds"], var["raw"]["ms_appcds"])
    md.append(f"\nRatios of medians in the ÷ columns; the per-launch column pairs each launch with the hand-written "
              "launch of the same round (the two ran seconds apart, so a load change on the shared machine hits both); "
              "the goals are read on these per-launch ratios (median, p25–p75). "
              f"Skystate ÷ hand-written (no AppCDS), goal ≤ {GOAL_HANDWRITTEN:.2f}: **{lam_hand[0]:.2f}** "
              f"({lam_hand[1]:.2f}–{lam_hand[2]:.2f}). Skystate with AppCDS ÷ raw floor (the floor with the JDK's CDS "
              f"only), goal ≤ {GOAL_CDS_FLOOR:.1f}: **{lam_cds_floor[0]:.2f}** ({lam_cds_floor[1]:.2f}–"
              f"{lam_cds_floor[2]:.2f}); against the floor with its own AppCDS archive {lam_cds_raw_cds[0]:.2f}.\n")
    p = d["priming"]
    md.append(f"First request after priming, {len(p['lambda'])} launches per row, interleaved, measured inside the "
              "JVM (`-Dbench.timing=true`: init = `LambdaRuntime.open` + priming registration, or the hand-written "
              "handler's construction; first request = `handleRequest` plus writing the response line). "
              "`-Dbench.prime=true` calls `LambdaPriming.beforeCheckpoint` before the request in the same JVM: this "
              "JDK cannot checkpoint, so this is the measurable stand-in for the first request after a SnapStart "
              "restore (a restored snapshot holds the primed heap; it does not show the restore's own cost).\n")
    md.append("| launch | init ms (median) | priming ms (median) | first request ms (median) | first request min–max |")
    md.append("|---|---|---|---|---|")
    for key, label in [("handwritten", "hand-written handler"), ("lambda", "Skystate, not primed"),
                       ("lambda_primed", "Skystate, primed (`beforeCheckpoint` first)")]:
        rows = p[key]
        req = [r["request_us"] / 1000 for r in rows]
        md.append(f"| {label} | {statistics.median(r['init_ms'] for r in rows):.0f} | "
                  f"{statistics.median(r['prime_us'] for r in rows) / 1000:.1f} | {statistics.median(req):.1f} | "
                  f"{min(req):.1f}–{max(req):.1f} |")
    md.append("")
    md.extend(bench_coldcloud.report_section(d, GOAL_HANDWRITTEN))
    out = os.path.join(results_dir, f"{d['time'][:10]}-coldstart.md")
    analysis = ""
    if os.path.exists(out):
        old = open(out).read()
        if ANALYSIS in old:
            analysis = old[old.index(ANALYSIS):]
    open(out, "w").write("\n".join(md) + "\n" + (analysis or ANALYSIS + "\n"))
    summary.append(("cold start", "Skystate Lambda entry point vs hand-written handler (per launch)", lam_hand[0],
                    f"≤ {GOAL_HANDWRITTEN:.2f}", lam_hand[0] <= GOAL_HANDWRITTEN))
    summary.append(("cold start", "Skystate Lambda entry point with AppCDS vs raw (per launch)", lam_cds_floor[0],
                    f"≤ {GOAL_CDS_FLOOR:.2f}", lam_cds_floor[0] <= GOAL_CDS_FLOOR))
