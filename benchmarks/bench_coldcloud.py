"""Cold start, part 4 continued (issue 12): Skystate's Azure Functions and Cloud Functions entry points, each next to a
hand-written function of its platform, launched by bench_coldstart.measure among its other variants (same launches,
interleaved). This module brings what those launches need and writes their section of the report:

  gcp_jar(target)       assembles the Cloud Functions jar on adapter-gcp's own runtime class path
  Cloud(root, target)   Azurite / the Firestore emulator, a first launch that creates the tables and the key ring,
                        and one long-lived signer per provider (the entry points serve handlers only to signed,
                        single-use requests, so every launch gets a fresh signature)
  report_section(d)     the markdown section: per-launch ratios, classes by origin, jars, init vs first request

Every ratio is against a baseline launched in the same round of the same run.
"""
import base64
import os
import re
import socket
import statistics
import subprocess
import tempfile
import time
import zipfile

import bench

CLOUD_VARIANTS = [
    ("azurehand", "hand-written Azure Functions HTTP function + Jackson, no Skystate (baseline)"),
    ("azure", "Skystate Azure Functions entry point: `SkystateFunctions()` + `http` → `/skystate/handlers/hello`"),
    ("gcphand", "hand-written Cloud Functions `HttpFunction` + Jackson, no Skystate (baseline)"),
    ("gcp", "Skystate Cloud Functions entry point: `SkystateHttpFunction()` + `service` → `/skystate/handlers/hello`"),
]
BASELINE = {"azure": "azurehand", "gcp": "gcphand"}
SIGNERS = {"azure": "io.skystate.bench.coldstart.AzureSignerMain", "gcp": "io.skystate.bench.coldstart.GcpSignerMain"}
GCP_MAIN = "io.skystate.bench.coldstart.GcpMain"
GCP_CLASSES = ("GcpMain", "GcpSignerMain", "GcpBenchExchange", "SignedRequest", "HelloModule", "LaunchClock")
# A fixed 32-byte key wrapping the stored key rings (SKYSTATE_KEY_ENCRYPTION_KEY), for the emulators only.
KEK = base64.b64encode(b"skystate-coldstart-bench-kek-32b").decode()
ORIGINS = [("com.azure.", "Azure SDK"), ("com.microsoft.azure.functions.", "Azure Functions Java library"),
           ("io.netty.", "Netty"), ("reactor.", "Reactor, reactor-netty"), ("com.google.cloud.functions.", "Functions Framework API"),
           ("com.google.protobuf.", "protobuf"), ("com.google.common.", "Guava"), ("io.grpc.", "gRPC"),
           ("com.google.", "Google Cloud clients (gax, Firestore, auth, protos)"),
           ("io.opencensus.", "OpenCensus / OpenTelemetry"), ("io.opentelemetry.", "OpenCensus / OpenTelemetry"),
           ("com.fasterxml.", "Jackson"), ("org.yaml.", "SnakeYAML"), ("io.skystate.", "Skystate + app")]


def gcp_jar(target):
    """Writes the `coldstart-gcp` jar: the launcher classes, adapter-gcp and its runtime class path as Maven resolves it
    for adapter-gcp (target/classpath-gcp-runtime.txt, libraries-bom's protobuf and gRPC; api and core swapped for
    this build's), the Functions Framework API, the jar's HandlerModule service; first entry wins, service files are
    concatenated, signatures dropped - what the shade plugin does for the other variants. None when it cannot."""
    listing = os.path.join(target, "classpath-gcp-runtime.txt")
    if not os.path.exists(listing):
        return None
    module_cp = open(os.path.join(target, "classpath.txt")).read().strip().split(os.pathsep)
    own = {re.sub(r"-0\.1\.0-SNAPSHOT\.jar$", "", os.path.basename(p)): p for p in module_cp
           if "/skystate-" in p or "functions-framework-api" in p}
    jars = [own["skystate-adapter-gcp"]]
    for p in open(listing).read().strip().split(os.pathsep):
        name = re.sub(r"-0\.1\.0-SNAPSHOT\.jar$", "", os.path.basename(p))
        jars.append(own.get(name, p))
    jars.append(next(p for k, p in own.items() if k.startswith("functions-framework-api")))
    out = bench.jar(target, "gcp")
    classes = os.path.join(target, "classes")
    services, seen = {}, set()
    root = os.path.abspath(os.path.join(target, "..", ".."))
    services["META-INF/services/io.skystate.api.handler.HandlerModule"] = [
        open(os.path.join(root, "benchmarks", "src", "coldstart-lambda", "HandlerModule.services"), "rb").read()]
    with zipfile.ZipFile(out + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/MANIFEST.MF", f"Manifest-Version: 1.0\nMain-Class: {GCP_MAIN}\n\n")
        seen.add("META-INF/MANIFEST.MF")
        pkg = os.path.join(classes, "io", "skystate", "bench", "coldstart")
        for f in sorted(os.listdir(pkg)):
            if f.split("$")[0].removesuffix(".class") in GCP_CLASSES:
                z.write(os.path.join(pkg, f), "io/skystate/bench/coldstart/" + f)
        for j in jars:
            with zipfile.ZipFile(j) as src:
                for info in src.infolist():
                    n = info.filename
                    if n.startswith("META-INF/services/") and not n.endswith("/"):
                        services.setdefault(n, []).append(src.read(n))
                    elif (n in seen or n == "META-INF/MANIFEST.MF"
                          or re.match(r"META-INF/[^/]+\.(SF|DSA|RSA)$", n) or n.startswith("module-info")):
                        continue
                    else:
                        seen.add(n)
                        z.writestr(info, src.read(n))
        for n, parts in services.items():
            z.writestr(n, b"\n".join(p.rstrip(b"\n") for p in parts) + b"\n")
    os.replace(out + ".tmp", out)
    return out


def installed(root, variant):
    """Whether the emulator a variant's pair needs (Azurite, the Firestore emulator) is installed."""
    nm = os.path.join(root, "emulators", "node_modules")
    if variant.startswith("azure"):
        return os.path.exists(os.path.join(nm, "azurite", "dist", "src", "azurite.js"))
    return os.path.exists(os.path.join(nm, "@firestore-emulator", "server", "package.json"))


def _free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def _wait_tcp(proc, ports, what, log):
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}; see {log}")
        try:
            for p in ports:
                socket.create_connection(("127.0.0.1", p), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{what} did not listen within 60 s")


class Cloud:
    """The emulators, environments and signers of the cloud variants present in `jars` (a dict variant -> jar)."""

    def __init__(self, root, target, jars):
        self.root, self.target, self.jars = root, target, jars
        self.procs, self.signers, self.env = [], {}, {}

    def start(self):
        nm = os.path.join(self.root, "emulators", "node_modules")
        base = {"SKYSTATE_HANDLER_ENDPOINTS": "true", "SKYSTATE_KEY_ENCRYPTION_KEY": KEK,
                "SKYSTATE_CREATE_RESOURCES": "false"}
        if "azure" in self.jars:
            t, q, b = _free_ports(3)
            log = os.path.join(self.target, "azurite-coldstart.log")
            self._spawn(["node", os.path.join(nm, "azurite", "dist", "src", "azurite.js"), "--inMemoryPersistence",
                         "--skipApiVersionCheck", "--disableTelemetry", "--tableHost", "127.0.0.1", "--tablePort",
                         str(t), "--queueHost", "127.0.0.1", "--queuePort", str(q), "--blobHost", "127.0.0.1",
                         "--blobPort", str(b)], [t, q, b], "Azurite", log)
            account = "devstoreaccount1"
            key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
            conn = (f"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};"
                    f"TableEndpoint=http://127.0.0.1:{t}/{account};QueueEndpoint=http://127.0.0.1:{q}/{account};"
                    f"BlobEndpoint=http://127.0.0.1:{b}/{account};")
            self.env["azure"] = dict(os.environ, **base, AzureWebJobsStorage=conn, SKYSTATE_PREFIX="coldstart",
                                     SKYSTATE_HTTP_BASE_URL="http://localhost:7071/")
        if "gcp" in self.jars:
            (p,) = _free_ports(1)
            log = os.path.join(self.target, "firestore-coldstart.log")
            self._spawn(["node", os.path.join(self.root, "emulators", "firestore-emulator.js"), str(p)], [p],
                        "the Firestore emulator", log)
            self.env["gcp"] = dict(os.environ, **base, GOOGLE_CLOUD_PROJECT="demo-test",
                                   FIRESTORE_EMULATOR_HOST=f"127.0.0.1:{p}", SKYSTATE_PREFIX="coldstart-",
                                   SKYSTATE_HTTP_BASE_URL="http://localhost:8080/")
        for v in self.env:
            create = dict(self.env[v], SKYSTATE_CREATE_RESOURCES="true")
            signer = subprocess.Popen(["java", "-cp", self.jars[v], SIGNERS[v]], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, env=create)
            self.signers[v] = signer
            if signer.stdout.readline().strip() != b"ready":
                raise RuntimeError(f"the {v} signer did not start")
            # creates the tables the launches use (the key ring is the signer's); deployments own their resources
            bench.one_start(self.jars[v], self.extra(v), create)

    def _spawn(self, cmd, ports, what, log):
        p = subprocess.Popen(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT)
        self.procs.append(p)
        _wait_tcp(p, ports, what, log)

    def extra(self, v):
        """Per-launch JVM arguments: a fresh signature for the cloud entry points, nothing for the others."""
        if v not in self.signers:
            return []
        s = self.signers[v]
        s.stdin.write(bench.REQUEST)
        s.stdin.flush()
        return [f"-Dbench.signed={s.stdout.readline().decode().strip()}"]

    def close(self):
        for s in self.signers.values():
            s.stdin.close()
            s.wait(timeout=30)
        for p in self.procs:
            p.terminate()
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()


def origins(path, extra, env):
    """One launch with -Xlog:class+load: loaded classes counted by origin."""
    with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as log:
        name = log.name
    bench.one_start(path, [*extra, f"-Xlog:class+load=info:file={name}"], env)
    counts = {}
    for line in open(name).read().splitlines():
        m = bench.CLASS_LINE.search(line)
        if not m:
            continue
        cls, source = m.group(1), m.group(2)
        o = bench.class_origin(cls, source)
        if o == "other libraries":
            o = next((label for prefix, label in ORIGINS if cls.startswith(prefix)), o)
        counts[o] = counts.get(o, 0) + 1
    os.unlink(name)
    return counts


def _paired(a, b):
    r = [x / y for x, y in zip(a, b)]
    return statistics.median(r), bench.pct(r, 25), bench.pct(r, 75)


def report_section(d, goal):
    """The markdown section of the Azure and Cloud Functions entry points (empty without their data)."""
    var = d["variants"]
    present = [(v, label) for v, label in CLOUD_VARIANTS if v in var]
    if not present:
        return []
    md = ["## Azure Functions and Cloud Functions entry points (same run, same rounds)\n",
          "Launched like the variants above, in the same rounds (without and with an AppCDS archive each), the "
          "function called in the launching JVM as its platform would: Azure's Java worker constructs the function "
          "class and calls its method with an `HttpRequestMessage` and an `ExecutionContext`; the Functions "
          "Framework constructs the `HttpFunction` and calls `service(HttpRequest, HttpResponse)`. Neither the "
          "Functions host/worker nor the framework's invoker (Jetty 9) is started: both would add the same cost to "
          "Skystate's function and to the hand-written one, and neither runs here. Skystate's entry points serve a "
          "handler only through their handler endpoint, which takes signed, single-use requests: before `hello` runs "
          "it reads the stored key ring and records the nonce, **two storage calls before the response** (Table "
          "storage on Azurite 3.37.0, Firestore on `@firestore-emulator/server`, both started by the harness; a "
          "signer JVM started before the launches signs a fresh request for each). The hand-written functions leave "
          "authentication to the platform (function keys, Cloud Run IAM) and make no call.\n",
          "| variant | AppCDS | median ms | per launch ÷ raw floor (p25–p75) | ÷ hand-written Lambda handler | "
          "÷ its own hand-written function | classes loaded | jar |",
          "|---|---|---|---|---|---|---|---|"]
    for v, label in present:
        x = var[v]
        for key, cds in [("ms", "no"), ("ms_appcds", "yes")]:
            floor = _paired(x[key], var["raw"]["ms"])
            hand = _paired(x[key], var["handwritten"][key])
            own = _paired(x[key], var[BASELINE[v]][key]) if BASELINE.get(v) in var else None
            c = x["plain" if key == "ms" else "appcds"]
            md.append(f"| {label} | {cds} | {statistics.median(x[key]):.0f} | {floor[0]:.2f} ({floor[1]:.2f}–"
                      f"{floor[2]:.2f}) | {hand[0]:.2f} ({hand[1]:.2f}–{hand[2]:.2f}) | "
                      + (f"**{own[0]:.2f}** ({own[1]:.2f}–{own[2]:.2f})" if own else "—")
                      + f" | {c['classes']} | {x['jar_bytes'] / 1024 / 1024:.1f} MiB |")
    md.append(f"\nAll ratios per launch (each launch over the baseline's launch of the same round), median and "
              f"p25–p75; ÷ raw floor against the floor without AppCDS. No goal is set for these entry points; "
              f"against the Lambda entry point's (≤ {goal:.2f}× its hand-written handler, no AppCDS): " + "; ".join(
                  f"{v}: {_paired(var[v]['ms'], var[BASELINE[v]]['ms'])[0]:.2f}× its own hand-written function, "
                  f"{_paired(var[v]['ms'], var['handwritten']['ms'])[0]:.2f}× the hand-written Lambda handler"
                  for v in BASELINE if v in var and BASELINE[v] in var) + ".\n")
    md.append("Classes loaded by origin (one `-Xlog:class+load` launch each, no AppCDS):\n")
    names = sorted({o for v, _ in present for o in var[v].get("origins", {})},
                   key=lambda o: -max(var[v].get("origins", {}).get(o, 0) for v, _ in present))
    md.append("| origin | " + " | ".join(v for v, _ in present) + " |")
    md.append("|---|" + "---|" * len(present))
    for o in names:
        md.append(f"| {o} | " + " | ".join(str(var[v].get("origins", {}).get(o, 0)) for v, _ in present) + " |")
    t = d.get("cloud_timing", {})
    if t:
        md.append(f"\nInside the JVM ({len(next(iter(t.values())))} launches each, interleaved, `-Dbench.timing=true`): "
                  "init = the function class's construction (Skystate: `FunctionsRuntime` / `FunctionRuntime` open "
                  "the instance, SDK clients prepared, `HelloModule` applied); first request = the call until the "
                  "response is written (Skystate: key ring read, nonce write, handler).\n")
        md.append("| launch | init ms (median) | first request ms (median) | first request min–max |")
        md.append("|---|---|---|---|")
        for v, label in present:
            rows = t.get(v, [])
            if rows:
                req = [r["request_us"] / 1000 for r in rows]
                md.append(f"| {label} | {statistics.median(r['init_ms'] for r in rows):.0f} | "
                          f"{statistics.median(req):.0f} | {min(req):.0f}–{max(req):.0f} |")
    md.append("")
    return md
