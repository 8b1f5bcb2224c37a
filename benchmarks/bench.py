#!/usr/bin/env python3
"""Skystate benchmark driver and report (stdlib only). Called by scripts/run-benchmarks.sh.

  bench.py machine OUT.json                 record the machine, JVM, date and load
  bench.py coldstart TARGET_DIR OUT.json    cold starts of the shaded jars: repeated fresh JVMs, classes, jar size;
                                            the Lambda variant against a moto server started here for it
  bench.py coldstart-extra TARGET_DIR OUT.json  entry point vs hand-written handler, AppCDS, priming (bench_coldstart.py)
  bench.py conformance REPO OUT.json        conformance run time per adapter from surefire/failsafe reports
  bench.py report RAW_DIR RESULTS_DIR README  results/<date>-results.md, results/<date>-ratios.svg, README table

Every figure in the report is a ratio against a baseline measured in the same run on the same machine.
"""
import glob
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET

import bench_fanout
import bench_awscanned
import bench_paired

COLD_VARIANTS = [
    ("raw", "raw main, no framework (floor)"),
    ("jackson", "raw main + plain Jackson (diagnostic)"),
    ("handwritten", "hand-written Lambda RequestStreamHandler + Jackson, no Skystate (the entry point's baseline)"),
    ("skystate", "Skystate plain (HandlerRegistry + codec, no adapter; diagnostic)"),
    ("lambda", "Skystate Lambda entry point (no Spring): LambdaRuntime.open + SkystateLambdaHandler, SDK on moto"),
    ("spring", "Spring Cloud Function (Boot + FunctionCatalog via spring-bridge)"),
]
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "10"))
COLD_TIMING_RUNS = int(os.environ.get("BENCH_COLD_TIMING_RUNS", "5"))
REQUEST = b'{"name":"ada"}\n'
LAMBDA_MAIN = "io.skystate.bench.coldstart.LambdaMain"
LAMBDA_JVM_ARGS = ["-Daws.accessKeyId=bench", "-Daws.secretAccessKey=bench"]


def machine(out):
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    data = {
        "date": time.strftime("%Y-%m-%d"),
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "kernel": platform.release(),
        "jvm": " / ".join(java),
        "loadavg_start": open("/proc/loadavg").read().split()[:3],
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
        "dirty": bool(subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True).stdout.strip()),
    }
    json.dump(data, open(out, "w"), indent=2)


def jar(target, variant):
    return os.path.join(target, f"skystate-benchmarks-0.1.0-SNAPSHOT-coldstart-{variant}.jar")


def one_start(path, extra=(), env=None, launch=None, stderr=None):
    """Launches `java <extra> -jar path` (or `java <extra> <launch...>`), writes the request, returns the ms until the
    response line is read; with `stderr` a list, the process's stderr lines are appended to it (and the launch's
    wall-clock start in epoch ms is returned as well)."""
    cmd = ["java", *extra, *(launch or ["-jar", path])]
    wall0 = time.time() * 1000
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE if stderr is not None else subprocess.DEVNULL, env=env)
    p.stdin.write(REQUEST)
    p.stdin.flush()
    line = p.stdout.readline()
    elapsed = (time.perf_counter() - t0) * 1000
    p.stdin.close()
    err = p.stderr.read() if stderr is not None else b""
    p.wait(timeout=60)
    if b"hello ada" not in line:
        raise RuntimeError(f"{path} answered {line!r}{' / ' + err.decode(errors='replace')[-2000:] if err else ''}")
    if stderr is not None:
        stderr.extend(err.decode(errors="replace").splitlines())
        return elapsed, wall0
    return elapsed


def start_moto(root, log_path):
    """Starts moto as the emulator harness's io.skystate.emulators.Moto does (free loopback port, ready when /moto-api/ answers)."""
    binary = os.path.join(root, ".emulators", "venv", "bin", "moto_server")
    if not os.access(binary, os.X_OK):
        return None, None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(log_path, "w")
    p = subprocess.Popen([binary, "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if p.poll() is not None:
            raise RuntimeError(f"moto exited with {p.returncode}; see {log_path}")
        try:
            if urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).status == 200:
                return p, endpoint
        except OSError:
            time.sleep(0.1)
    p.kill()
    raise RuntimeError("moto did not become ready within 60 s")


CLASS_LINE = re.compile(r"\[class,load\]\s+(\S+)\s+source:\s*(.*)$")


def class_origin(name, source):
    if "shared objects file" in source:
        return "JDK, from the CDS archive"
    if source.startswith("jrt:/"):
        return "JDK, not archived"
    if "__" in source or "$$Lambda" in name or "/0x" in name:
        return "generated (lambdas, proxies)"
    for prefix, origin in [("software.amazon.", "AWS SDK"), ("com.amazonaws.", "AWS Lambda API"),
                           ("com.fasterxml.", "Jackson"), ("org.yaml.", "SnakeYAML"), ("io.skystate.", "Skystate + app"),
                           ("org.springframework.", "Spring")]:
        if name.startswith(prefix):
            return origin
    return "other libraries"


def coldstart(target, out):
    root = os.path.abspath(os.path.join(target, "..", ".."))
    variants = [v for v, _ in COLD_VARIANTS if os.path.exists(jar(target, v))]
    results = {v: {"ms": []} for v in variants}
    moto, endpoint = None, None
    if "lambda" in variants:
        moto, endpoint = start_moto(root, os.path.join(target, "moto-coldstart.log"))
        if moto is None:
            variants.remove("lambda")
            results["lambda"] = {"skipped": "moto is not installed (scripts/install-emulators.sh)"}
    env = {v: None for v in variants}
    extra = {v: [] for v in variants}
    if moto is not None:
        env["lambda"] = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_REGION="us-east-1",
                             SKYSTATE_PREFIX="coldstart-", SKYSTATE_CREATE_RESOURCES="true")
        extra["lambda"] = LAMBDA_JVM_ARGS
    try:
        for v in variants:  # one unrecorded launch each: page cache (and, for Lambda, moto's tables and key rings)
            one_start(jar(target, v), extra[v], env[v])
        for _ in range(COLD_RUNS):  # interleaved, so noise hits every variant alike
            for v in variants:
                results[v]["ms"].append(one_start(jar(target, v), extra[v], env[v]))
        for v in variants:
            with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as log:
                name = log.name
            one_start(jar(target, v), [*extra[v], f"-Xlog:class+load=info:file={name}"], env[v])
            lines = open(name).read().splitlines()
            os.unlink(name)
            results[v]["classes"] = len(lines)
            results[v]["classes_shared"] = sum(1 for l in lines if "shared objects file" in l)
            origins = {}
            for l in lines:
                m = CLASS_LINE.search(l)
                if m:
                    o = class_origin(m.group(1), m.group(2))
                    origins[o] = origins.get(o, 0) + 1
            results[v]["classes_by_origin"] = origins
            results[v]["jar_bytes"] = os.path.getsize(jar(target, v))
        if moto is not None:
            results["lambda"]["timing"] = lambda_timing(target, env["lambda"])
    finally:
        if moto is not None:
            moto.terminate()
            moto.wait(timeout=10)
    json.dump(results, open(out, "w"), indent=2)


def lambda_timing(target, env):
    """Timed launches of the Lambda variant: LambdaMain's own timestamps (main entered, LambdaRuntime.open done,
    response written) and, through SdkCallTimer put on the class path by a directory of its own, every AWS SDK
    call's start and end; all epoch ms, against the launch's wall-clock start taken here."""
    tmp = tempfile.mkdtemp()
    try:
        res = os.path.join(tmp, "software", "amazon", "awssdk", "global", "handlers")
        os.makedirs(res)
        open(os.path.join(res, "execution.interceptors"), "w").write("io.skystate.bench.coldstart.SdkCallTimer\n")
        runs = []
        for _ in range(COLD_TIMING_RUNS):
            err = []
            elapsed, wall0 = one_start(jar(target, "lambda"), [*LAMBDA_JVM_ARGS, "-Dbench.timing=true"], env,
                                       ["-cp", jar(target, "lambda") + os.pathsep + tmp, LAMBDA_MAIN], err)
            marks = {}
            calls = []
            for l in err:
                if l.startswith("timing "):
                    marks = {k: int(v) for k, v in (kv.split("=") for kv in l.split()[1:])}
                elif l.startswith("sdk "):
                    _, op, start, end, outcome = l.split()
                    calls.append({"op": op, "start": int(start), "end": int(end), "outcome": outcome})
            if not marks:
                raise RuntimeError(f"no timing line from the Lambda variant: {err[-20:]}")
            in_open = [c for c in calls if c["end"] <= marks["open"]]
            first = in_open[0] if in_open else None
            runs.append({
                "total_ms": elapsed,
                "launch_to_main": marks["main"] - wall0,
                "main_to_first_call": (first["start"] if first else marks["open"]) - marks["main"],
                "first_call": (first["end"] - first["start"]) if first else 0,
                "other_calls": sum(c["end"] - c["start"] for c in in_open[1:]),
                "open_rest": (marks["open"] - (first["end"] if first else marks["main"]))
                             - sum(c["end"] - c["start"] for c in in_open[1:]),
                "open_total": marks["open"] - marks["main"],
                "open_to_response": marks["response"] - marks["open"],
                "calls": [f"{c['op']} {c['end'] - c['start']} ms{'' if c['outcome'] == 'ok' else ' (' + c['outcome'] + ')'}"
                          for c in calls],
            })
        return runs
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def conformance(repo, out):
    per_module = {}
    for path in glob.glob(os.path.join(repo, "*", "target", "*-reports", "TEST-*Conformance*.xml")):
        module = os.path.relpath(path, repo).split(os.sep)[0]
        root = ET.parse(path).getroot()
        m = per_module.setdefault(module, {"suites": 0, "tests": 0, "failures": 0, "seconds": 0.0,
                                           "source": "surefire/failsafe reports", "report_mtime": 0})
        m["suites"] += 1
        m["tests"] += int(root.get("tests", 0))
        m["failures"] += int(root.get("failures", 0)) + int(root.get("errors", 0))
        m["seconds"] += float(root.get("time", 0))
        m["report_mtime"] = max(m["report_mtime"], os.path.getmtime(path))
    for m in per_module.values():
        m["report_time"] = time.strftime("%Y-%m-%d %H:%M", time.localtime(m.pop("report_mtime")))
    if "adapter-local" not in per_module:
        t0 = time.perf_counter()
        rc = subprocess.run([os.path.join(repo, "mvnw"), "-B", "-q", "-ntp", "-o", "-pl", "adapter-local", "test",
                             "-Dtest=Local*ConformanceTest"], cwd=repo).returncode
        per_module["adapter-local"] = {"seconds": time.perf_counter() - t0, "exit": rc,
                                       "source": "timed ./mvnw -pl adapter-local test -Dtest='Local*ConformanceTest'"}
    json.dump(per_module, open(out, "w"), indent=2)


# ------------------------------------------------------------------------------------------------ report

def pct(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def jmh_results(raw):
    res = {}
    for path in sorted(glob.glob(os.path.join(raw, "jmh-state-t*.json"))):
        for r in json.load(open(path)):
            op = r["benchmark"].rsplit(".", 1)[1]
            p = r["params"]
            m = r["primaryMetric"]
            err = m.get("scoreError")
            err = 0.0 if err in (None, "NaN") or (isinstance(err, float) and math.isnan(err)) else float(err)
            res[(op, p["mode"], r["threads"], p["impl"])] = (m["score"], err, m.get("rawData", [[]])[0])
    return res


def jmh_aws(raw, name="aws"):
    """(op, impl) -> per-round mean scores (in file order) and the measured iterations of all rounds."""
    res = {}
    paths = sorted(glob.glob(os.path.join(raw, f"jmh-{name}-r*.json")))
    for round_no, path in enumerate(paths):
        for r in json.load(open(path)):
            op = r["benchmark"].rsplit(".", 1)[1]
            m = r["primaryMetric"]
            d = res.setdefault((op, r["params"]["impl"]), {"rounds": {}, "iters": []})
            d["rounds"][round_no] = m["score"]
            d["iters"] += [x for fork in m.get("rawData", []) for x in fork]
    return res, len(paths)


def overhead_table(md, data, svg_label, area, emulator, rows_svg, summary):
    """The table of a state-overhead section (Skystate vs the raw SDK, ratio goal ≤ 1.10) from jmh_aws data."""
    md.append("| operation | Skystate µs/op | raw SDK µs/op | Δ µs/op | ratio [per round] | goal ≤ 1.10 |")
    md.append("|---|---|---|---|---|---|")
    for op in ["get", "put", "conditionalPut", "transaction10"]:
        sk, sd = data.get((op, "skystate")), data.get((op, "sdk"))
        if not sk or not sd or not sk["iters"] or not sd["iters"]:
            continue
        ms, md_ = statistics.mean(sk["iters"]), statistics.mean(sd["iters"])
        ss = statistics.stdev(sk["iters"]) if len(sk["iters"]) > 1 else 0.0
        sds = statistics.stdev(sd["iters"]) if len(sd["iters"]) > 1 else 0.0
        ratio = ms / md_
        per_round = [sk["rounds"][r] / sd["rounds"][r] for r in sorted(sk["rounds"]) if r in sd["rounds"]]
        ok = ratio <= 1.10
        md.append(f"| {op} | {ms:.0f} ± {ss:.0f} [{min(sk['iters']):.0f}–{max(sk['iters']):.0f}] | "
                  f"{md_:.0f} ± {sds:.0f} [{min(sd['iters']):.0f}–{max(sd['iters']):.0f}] | {ms - md_:+.0f} | "
                  f"**{ratio:.3f}** [{', '.join(f'{x:.3f}' for x in per_round)}] | {'met' if ok else '**missed**'} |")
        rows_svg.append((f"{svg_label} {op}", ratio, 1.10, "lower"))
        summary.append((area, f"{op} 1t ({emulator})", ratio, "≤ 1.10", ok))
    md.append("")


def measured_at(*paths):
    found = [p for p in paths if os.path.exists(p)]
    if not found:
        return ""
    return "Measured " + time.strftime("%Y-%m-%d %H:%M", time.localtime(max(os.path.getmtime(p) for p in found))) + ". "


def fmt(x, d=2):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{d}f}"


def report(raw, results_dir, readme):
    mach = json.load(open(os.path.join(raw, "machine.json")))
    date = mach["date"]
    load_end = open("/proc/loadavg").read().split()[:3]
    rows_svg = []  # (label, ratio, goal, better) better: "lower" or "higher"
    md = []
    md.append(f"# Skystate benchmark results, {date}\n")
    md.append(f"Produced by `scripts/run-benchmarks.sh` at {mach['time']} on commit `{mach['commit']}`"
              f"{' (work tree had uncommitted changes)' if mach['dirty'] else ''}. "
              "Both sides of every ratio were measured in the same run on the same machine; each section says when "
              "it was measured.\n")
    md.append("## Machine\n")
    md.append("| what | value |\n|---|---|")
    md.append(f"| cores (nproc) | {mach['nproc']} |")
    md.append(f"| CPU | {mach['cpu']} |")
    md.append(f"| memory | {mach['memory']} |")
    md.append(f"| kernel | {mach['kernel']} |")
    md.append(f"| JVM | {mach['jvm']} |")
    md.append(f"| load average (1/5/15 min) at start → end | {' '.join(mach['loadavg_start'])} → {' '.join(load_end)} |")
    md.append("")

    # 1. state
    jmh = jmh_results(raw)
    summary = []
    md.append("## 1–2. Local state engine: Skystate `StateStore` vs raw JDBC on SQLite (physical floor)\n")
    md.append(measured_at(*glob.glob(os.path.join(raw, "jmh-state-t*.json"))) + "Same schema, pragmas and SQL as adapter-local (SELECT of the current row + INSERT OR REPLACE in one "
              "IMMEDIATE transaction per write; SELECT for get), one connection under one lock, statements prepared "
              "once. JMH 1.37, average time per operation, 1 fork, 2 warm-up + 3 measured iterations of 1 s; ± is JMH's 99.9% error (with 3 iterations it is 31.6 × the standard deviation, so it is wide), [min–max] the measured iterations. Ratio = Skystate / floor "
              "(goal ≤ 1.5); its range combines both errors. For the local adapter this *is* the abstraction "
              "overhead on state (section 2). `prepare-each` runs the floor's SQL preparing each statement per "
              "call, as the adapter did before it kept its statements prepared (a812fc5): the ratio floor(prepare-each)/floor is what that cost.\n")
    md.append("| operation | mode | threads | Skystate µs/op | floor µs/op | ratio (range) | goal ≤ 1.5 | floor prepare-each / floor |")
    md.append("|---|---|---|---|---|---|---|---|")
    for op in ["get", "put", "conditionalPut", "transaction10"]:
        for mode in ["memory", "file"]:
            for threads in [1, 8]:
                s = jmh.get((op, mode, threads, "skystate"))
                r = jmh.get((op, mode, threads, "jdbc"))
                if not s or not r:
                    continue
                ratio = s[0] / r[0]
                lo = max(0.0, (s[0] - s[1]) / (r[0] + r[1]))
                hi = (s[0] + s[1]) / (r[0] - r[1]) if r[0] - r[1] > 0 else float("inf")
                pe = jmh.get((op, mode, threads, "jdbcPrepareEach"))
                pe_ratio = fmt(pe[0] / r[0]) if pe else "—"
                ok = ratio <= 1.5
                md.append(f"| {op} | {mode} | {threads} | {s[0]:.1f} ± {s[1]:.1f} [{min(s[2]):.1f}–{max(s[2]):.1f}] | "
                          f"{r[0]:.1f} ± {r[1]:.1f} [{min(r[2]):.1f}–{max(r[2]):.1f}] | "
                          f"**{ratio:.2f}** ({lo:.2f}–{'∞' if math.isinf(hi) else f'{hi:.2f}'}) | {'met' if ok else '**missed**'} | {pe_ratio} |")
                rows_svg.append((f"state {op} {mode} t{threads}", ratio, 1.5, "lower"))
                summary.append(("state", f"{op} {mode} {threads}t", ratio, "≤ 1.5", ok))
    md.append("")

    # 2. AWS state
    aws, aws_rounds = jmh_aws(raw)
    if aws:
        md.append("## 2. AWS: abstraction overhead on state — Skystate's DynamoDB `StateStore` vs raw AWS SDK calls (both on moto)\n")
        md.append(measured_at(*glob.glob(os.path.join(raw, "jmh-aws-r*.json"))) +
                  "adapter-aws's `StateStore` (an `AwsSkystate`) against the same DynamoDB calls written by hand on "
                  "the SDK v2 `DynamoDbClient`, configured as the adapter configures its own (URL-connection HTTP "
                  "client, default retries, endpoint override): same table layout (`pk` S, `sk` B) and items; "
                  "`GetItem` with `ConsistentRead`; `PutItem` (the conditional put with the adapter's "
                  "`ConditionExpression` and values); `TransactWriteItems` of 10 puts with a `ClientRequestToken`. "
                  "Both against one moto 5.2.5 server started for the run, reset before each trial; one thread. "
                  f"JMH 1.37, average time per operation, 1 fork per trial, {aws_rounds} round(s) (the second with the "
                  "two sides in the opposite order), 3 warm-up + 5 measured iterations of 1 s per round. Figures "
                  "pool the measured iterations of all rounds: mean ± standard deviation [min–max]. Ratio = Skystate "
                  "/ SDK (goal ≤ 1.10); per round in brackets. Moto's per-call time (the SDK column: a Python "
                  "HTTP server parsing, validating and storing each request) dominates, so the difference "
                  "(Δ) is the more telling figure: Skystate's own cost per operation.\n")
        overhead_table(md, aws, "aws state", "aws state", "moto", rows_svg, summary)

    # 2b. Azure Tables state
    azure, azure_rounds = jmh_aws(raw, "azure")
    if azure:
        md.append("## 2b. Azure: abstraction overhead on state — Skystate's Tables `StateStore` vs raw `azure-data-tables` calls (both on Azurite)\n")
        md.append(measured_at(*glob.glob(os.path.join(raw, "jmh-azure-r*.json"))) +
                  "adapter-azure's Tables `StateStore` (an `AzureSkystate`) against the same calls written by hand on "
                  "`azure-data-tables` 12.5.9's `TableClient`, configured as the adapter configures its own: the same "
                  "entity (`PartitionKey`, `RowKey`, the key again, type, version, chunk count, value); a point read; "
                  "an upsert; the conditional put as a read, a version comparison and a replace with `If-Match`; an "
                  "entity-group transaction of 10 upserts. Both against one Azurite 3.37.0 started for the run, a "
                  "fresh table per trial; one thread. "
                  f"JMH 1.37, average time per operation, 1 fork per trial, {azure_rounds} round(s) (the second with "
                  "the two sides in the opposite order). Figures pool the measured iterations of all rounds: mean ± "
                  "standard deviation [min–max]. Ratio = Skystate / SDK (goal ≤ 1.10); per round in brackets.\n")
        overhead_table(md, azure, "azure state", "azure tables state", "Azurite", rows_svg, summary)

    # 2c. GCP Firestore state
    gcp, gcp_rounds = jmh_aws(raw, "gcp")
    if gcp:
        md.append("## 2c. GCP: abstraction overhead on state — Skystate's Firestore `StateStore` vs raw `google-cloud-firestore` calls (both on the Firestore emulator)\n")
        md.append(measured_at(*glob.glob(os.path.join(raw, "jmh-gcp-r*.json"))) +
                  "adapter-gcp's Firestore `StateStore` (a `GcpSkystate`) against the same calls written by hand on "
                  "`google-cloud-firestore` 3.37.0, the client configured as the adapter configures its own for an "
                  "emulator: the same documents (`k`, `t`, `v`, `ver` under `<prefix>state/g0/<prefix>records`); a "
                  "point read; a `set`; the conditional put as a transaction that reads, compares `ver` and sets; a "
                  "transaction that reads the 10 documents and sets them. Both against one `@firestore-emulator/server` "
                  "0.3.15 (a Node in-memory gRPC server) started for the run, fresh collections per trial; one thread. "
                  f"JMH 1.37, average time per operation, 1 fork per trial, {gcp_rounds} round(s) (the second with "
                  "the two sides in the opposite order). Figures pool the measured iterations of all rounds: mean ± "
                  "standard deviation [min–max]. Ratio = Skystate / SDK (goal ≤ 1.10); per round in brackets.\n")
        overhead_table(md, gcp, "gcp state", "gcp firestore state", "Firestore emulator", rows_svg, summary)

    # 2d. AWS state against a loopback DynamoDB endpoint (its own module)
    bench_awscanned.section(raw, md, rows_svg, summary)
    # 2b/2c decided: Azure Tables and Firestore, paired client CPU time (its own module)
    bench_paired.section(raw, md, rows_svg, summary)

    # 3. workflows
    md.append("## 3. Local workflow engine vs the Durable Task sidecar (durabletask-go + Java SDK)\n")
    wf_path = os.path.join(raw, "workflow.jsonl")
    md.append(measured_at(wf_path))
    wf = [json.loads(l) for l in open(wf_path)] if os.path.exists(wf_path) else []
    errors = [w for w in wf if "error" in w]
    groups = {}
    for w in wf:
        if "error" in w:
            continue
        groups.setdefault((w["engine"], w["mode"], w["workflow"], w["n"]), []).append(w)
    md.append("N instances started at once (8 client threads), all awaited. Throughput = completed instances / (last "
              "end − first start call); latency = each instance's start-to-finish from the engine's own timestamps, "
              "p50/p99 pooled over the repeated runs. Throughput is the median run, with min–max over runs. "
              "`memory`: Skystate in-memory SQLite / sidecar without `--db` (in-memory backend); `file`: Skystate "
              "file database (WAL, synchronous=NORMAL) / sidecar `--db <file>` (SQLite). Goal: Skystate ≥ 5× the "
              "anchor's throughput in durable (`file`) mode.\n")
    md.append("| workflow | mode | N | runs | Skystate inst/s (min–max) | p50 / p99 ms | Durable Task inst/s (min–max) | p50 / p99 ms | throughput ratio | goal ≥ 5 (file) |")
    md.append("|---|---|---|---|---|---|---|---|---|---|")
    for workflow in ["seq3", "fan10"]:
        for mode in ["memory", "file"]:
            for n in [1, 100, 1000]:
                cells = []
                tput = {}
                runs_txt = []
                for engine in ["skystate", "durabletask"]:
                    g = groups.get((engine, mode, workflow, n))
                    if not g:
                        cells += ["—", "—"]
                        continue
                    tps = [x["throughput"] for x in g]
                    lat = [l for x in g for l in x["latenciesMs"]]
                    incomplete = sum(1 for x in g if x["completed"] < n)
                    med = statistics.median(tps)
                    tput[engine] = med if not incomplete else None
                    note = f" ({incomplete} run(s) timed out)" if incomplete else ""
                    cells += [f"{med:.1f} ({min(tps):.1f}–{max(tps):.1f}){note}",
                              f"{fmt(pct(lat, 50), 0)} / {fmt(pct(lat, 99), 0)}"]
                    runs_txt.append(str(len(g)))
                if "skystate" in tput and tput.get("skystate") and tput.get("durabletask"):
                    ratio = tput["skystate"] / tput["durabletask"]
                    ratio_txt = f"**{ratio:.1f}×**"
                    if mode == "file":
                        ok = ratio >= 5
                        goal_txt = "met" if ok else "**missed**"
                        rows_svg.append((f"workflow {workflow} file N={n}", ratio, 5.0, "higher"))
                        summary.append(("workflow", f"{workflow} durable N={n}", ratio, "≥ 5", ok))
                    else:
                        goal_txt = "(memory: no goal)"
                else:
                    ratio_txt, goal_txt = "n/a", "n/a"
                md.append(f"| {workflow} | {mode} | {n} | {'/'.join(runs_txt) or '—'} | {cells[0]} | {cells[1]} | "
                          f"{cells[2]} | {cells[3]} | {ratio_txt} | {goal_txt} |")
    for e in errors:
        md.append(f"\n**{e['engine']} {e['mode']} failed:** `{e['error']}`")
    md.append("")
    bench_fanout.section(md, groups, raw, summary)

    # 4. cold start
    md.append("## 4. Cold start of a trivial handler (fresh JVM to first response)\n")
    cs_path = os.path.join(raw, "coldstart.json")
    if os.path.exists(cs_path):
        cs = json.load(open(cs_path))
        base = statistics.median(cs["raw"]["ms"])
        md.append(measured_at(cs_path) +
                  f"`java -jar <variant>.jar`, a JSON line on stdin, time until the response line is read; "
                  f"{len(cs['raw']['ms'])} launches per variant, interleaved. Classes loaded from "
                  "`-Xlog:class+load` (of them from the JDK's CDS archive). Jar = the variant's shaded deployment jar "
                  "(maven-shade-plugin 3.6.0). The Lambda variant is what a Lambda cold start pays in the function's "
                  "JVM (not the Lambda runtime's own start): `LambdaRuntime.open(env)` (the adapter builds SDK clients, "
                  "key rings and the workflow engine on first use, so a handler-only invocation makes no AWS call; "
                  "then the jar's `HandlerModule`), then "
                  "`SkystateLambdaHandler.handleRequest`; against a moto server started once for these launches "
                  "(its tables and keys created by the unrecorded first launch), credentials from the "
                  "`aws.accessKeyId`/`aws.secretAccessKey` properties. Goal: Skystate's Lambda entry point without "
                  "Spring ≤ 1.25× the raw floor; the other variants are diagnostics.\n")
        md.append("| variant | median ms | p25–p75 ms | ratio to raw (p25–p75) | classes loaded (CDS) | jar |")
        md.append("|---|---|---|---|---|---|")
        for v, label in COLD_VARIANTS:
            d = cs.get(v)
            if not d:
                continue
            if "skipped" in d:
                md.append(f"| {label} | skipped: {d['skipped']} | | | | |")
                continue
            med = statistics.median(d["ms"])
            r = med / base
            md.append(f"| {label} | {med:.0f} | {pct(d['ms'], 25):.0f}–{pct(d['ms'], 75):.0f} | **{r:.2f}** "
                      f"({pct(d['ms'], 25) / base:.2f}–{pct(d['ms'], 75) / base:.2f}) | {d['classes']} "
                      f"({d['classes_shared']}) | {d['jar_bytes'] / 1024:.0f} KiB |")
            if v == "lambda":
                rows_svg.append(("cold start Skystate Lambda (no Spring)", r, 1.25, "lower"))
                summary.append(("cold start", "Skystate Lambda entry point (no Spring) vs raw", r, "≤ 1.25", r <= 1.25))
            elif v == "skystate":
                rows_svg.append(("cold start Skystate plain (info)", r, None, "lower"))
                summary.append(("cold start", "Skystate plain, no adapter (diagnostic) vs raw", r, "—", None))
            elif v in ("spring", "jackson", "handwritten"):
                rows_svg.append((f"cold start {v} (info)", r, None, "lower"))
        md.append("")
        origins = sorted({o for v, _ in COLD_VARIANTS for o in cs.get(v, {}).get("classes_by_origin", {})})
        if origins:
            shown = [v for v, _ in COLD_VARIANTS if cs.get(v, {}).get("classes_by_origin")]
            md.append("Classes loaded, by origin (one `-Xlog:class+load` launch per variant):\n")
            md.append("| origin | " + " | ".join(shown) + " |")
            md.append("|---|" + "---|" * len(shown))
            for o in origins:
                md.append(f"| {o} | " + " | ".join(str(cs[v]["classes_by_origin"].get(o, 0)) for v in shown) + " |")
            md.append("")
        timing = cs.get("lambda", {}).get("timing")
        if timing:
            def med_of(k):
                return statistics.median(t[k] for t in timing)
            md.append(f"Where the Lambda variant's time goes: {len(timing)} more launches with `-Dbench.timing=true` "
                      "(LambdaMain's timestamps) and the diagnostic `SdkCallTimer` SDK interceptor on the class "
                      "path (each SDK call's start and end); medians, ms. The launch's start is taken by the driver "
                      "just before it starts `java`.\n")
            md.append("| phase | median ms | min–max |")
            md.append("|---|---|---|")
            phases = [("JVM start → `main` entered (JVM boot, main class loaded)", "launch_to_main"),
                      ("`main` → first SDK call starts, if any (JacksonCodec, WriteGuard, builder)", "main_to_first_call"),
                      ("first SDK call, if any (the SDK's first-request set-up plus moto's answer)", "first_call"),
                      ("later SDK calls during open, if any", "other_calls"),
                      ("rest of open (Skystate and JDK work outside SDK calls: HandlerRegistry, HandlerModules)",
                       "open_rest"),
                      ("**`LambdaRuntime.open` in all**", "open_total"),
                      ("open → response written (`handleRequest`: read the event, Jackson tree, invoke `hello`, "
                       "encode)", "open_to_response"),
                      ("**total: launch → response line read**", "total_ms")]
            for label, k in phases:
                md.append(f"| {label} | {med_of(k):.0f} | {min(t[k] for t in timing):.0f}–{max(t[k] for t in timing):.0f} |")
            md.append(f"\nSDK calls of one timed launch: {', '.join(timing[-1]['calls'])}.\n")

    import bench_coldstart  # 4, continued: its own results file and two summary rows
    bench_coldstart.report(raw, results_dir, summary)

    # 5. conformance
    md.append("## 5. Conformance suite run time per adapter\n")
    cf_path = os.path.join(raw, "conformance.json")
    if os.path.exists(cf_path):
        cf = json.load(open(cf_path))
        md.append("Sum of the `time` attributes of `TEST-*Conformance*.xml` (surefire/failsafe) per module, from "
                  "the last `./mvnw verify` found in the work tree (else a timed run of the local suites). Goal: "
                  "the whole suite against all emulators < 5 minutes (300 s).\n")
        md.append("| module | suites | tests | failures | seconds | source |")
        md.append("|---|---|---|---|---|---|")
        total = 0.0
        for module, m in sorted(cf.items()):
            total += m["seconds"]
            md.append(f"| {module} | {m.get('suites', '—')} | {m.get('tests', '—')} | {m.get('failures', '—')} | "
                      f"{m['seconds']:.1f} | {m['source']}{' of ' + m['report_time'] if 'report_time' in m else ''} |")
        md.append(f"| **all** | | | | **{total:.1f}** | goal < 300 s: {'met' if total < 300 else '**missed**'} |")
        rows_svg.append(("conformance s / 300 s", total / 300, 1.0, "lower"))
        summary.append(("conformance", "all adapters, s / 300 s", total / 300, "< 1", total < 300))
        md.append("")

    os.makedirs(results_dir, exist_ok=True)
    md_path = os.path.join(results_dir, f"{date}-results.md")
    svg_path = os.path.join(results_dir, f"{date}-ratios.svg")
    md.append(f"Chart: [{os.path.basename(svg_path)}]({os.path.basename(svg_path)})\n")
    open(md_path, "w").write("\n".join(md))
    open(svg_path, "w").write(svg(rows_svg, date))
    update_readme(readme, summary, mach, date, os.path.relpath(md_path, os.path.dirname(readme)),
                  os.path.relpath(svg_path, os.path.dirname(readme)))
    print(f"wrote {md_path}, {svg_path}, {readme}")
    import bench_scaling  # scaling curves (issue 12): their own results file and charts
    print("scaling:", bench_scaling.render(raw, results_dir))


def svg(rows, date):
    width, left, right, bar_h, gap, top = 900, 260, 40, 16, 6, 50
    height = top + len(rows) * (bar_h + gap) + 40
    lo, hi = 0.1, max([2.0] + [r[1] * 1.2 for r in rows] + [(r[2] or 0) * 1.2 for r in rows])
    span = math.log10(hi) - math.log10(lo)

    def x(v):
        v = min(max(v, lo), hi)
        return left + (math.log10(v) - math.log10(lo)) / span * (width - left - right)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="20" font-size="14" font-weight="bold">Skystate ratios vs same-run baselines, {date} '
           f'(log scale; black tick = goal; green = met, red = missed, grey = no goal)</text>']
    for t in [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]:
        if lo <= t <= hi:
            out.append(f'<line x1="{x(t):.1f}" y1="{top - 8}" x2="{x(t):.1f}" y2="{height - 30}" stroke="#ddd"/>')
            out.append(f'<text x="{x(t):.1f}" y="{height - 16}" text-anchor="middle">{t:g}×</text>')
    for i, (label, ratio, goal, better) in enumerate(rows):
        y = top + i * (bar_h + gap)
        met = None if goal is None else (ratio <= goal if better == "lower" else ratio >= goal)
        color = "#999" if met is None else ("#3a3" if met else "#c33")
        out.append(f'<text x="{left - 6}" y="{y + bar_h - 4}" text-anchor="end">{label}</text>')
        out.append(f'<rect x="{x(lo):.1f}" y="{y}" width="{x(ratio) - x(lo):.1f}" height="{bar_h}" fill="{color}"/>')
        out.append(f'<text x="{x(ratio) + 4:.1f}" y="{y + bar_h - 4}">{ratio:.2f}×'
                   f'{"" if goal is None else (" (goal ≤ " if better == "lower" else " (goal ≥ ") + f"{goal:g})"}</text>')
        if goal is not None:
            out.append(f'<line x1="{x(goal):.1f}" y1="{y - 2}" x2="{x(goal):.1f}" y2="{y + bar_h + 2}" stroke="black" stroke-width="2"/>')
    out.append("</svg>")
    return "\n".join(out)


def update_readme(readme, summary, mach, date, md_rel, svg_rel):
    text = open(readme).read()
    lines = [f"<!-- results:start -->",
             f"<!-- Written by benchmarks/bench.py report; do not edit by hand. -->",
             f"Last report: {date}, {mach['nproc']} cores, {mach['cpu']}, {mach['memory']}, {mach['jvm'].split(' / ')[0]}. "
             f"Full tables with spread: [{md_rel}]({md_rel}); chart: [{svg_rel}]({svg_rel}). Each section there says "
             "when it was measured (a run with `BENCH_SKIP` reports the skipped parts from the raw data of an earlier run).",
             "",
             "| area | measurement | ratio | goal | met? |",
             "|---|---|---|---|---|"]
    for area, what, ratio, goal, ok in summary:
        met = "—" if ok is None else ("yes" if ok else "**no**")
        lines.append(f"| {area} | {what} | {ratio:.2f} | {goal} | {met} |")
    lines.append("<!-- results:end -->")
    new = "\n".join(lines)
    if "<!-- results:start -->" in text:
        text = re.sub(r"<!-- results:start -->.*?<!-- results:end -->", lambda m: new, text, flags=re.S)
    else:
        text += "\n" + new + "\n"
    open(readme, "w").write(text)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "coldstart-extra":
        import bench_coldstart
        bench_coldstart.measure(*sys.argv[2:])
    else:
        {"machine": machine, "coldstart": coldstart, "conformance": conformance, "report": report}[cmd](*sys.argv[2:])
