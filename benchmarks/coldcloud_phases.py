"""Diagnostic for the Azure / Cloud Functions cold start (run by hand after a -Pbenchmarks build and the 4b step's
class path): two launches of each entry point with -Xlog:class+load:timemillis and -Dbench.timing=true; the loaded
classes counted by origin and by phase (JVM start, init, first request), split at the launcher's own marks."""
import json
import os
import re
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench, bench_coldcloud
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "target")
root = os.path.dirname(os.path.dirname(target))
jars = {v: bench.jar(target, v) for v in ("azure", "gcp")}
cloud = bench_coldcloud.Cloud(root, target, jars)
out = {}
try:
    cloud.start()
    for rep in range(2):
        for v in jars:
            log = os.path.join(target, f"classload-{v}.log")
            err = []
            bench.one_start(jars[v], [*cloud.extra(v), "-Dbench.timing=true", f"-Xlog:class+load=info:file={log}:timemillis"], cloud.env[v], None, err)
            marks = next({k: int(x) for k, x in (kv.split("=") for kv in l.split()[1:])} for l in err if l.startswith("timing "))
            phases = {}
            first = None
            for line in open(log):
                m = re.match(r"\[(\d+)ms\]\s*(?:\[class,load\]\s+)?(\S+)\s+source:\s*(.*)$", line.strip())
                if not m: continue
                t, cls, src = int(m.group(1)), m.group(2), m.group(3)
                first = first or t
                ph = "jvm start" if t < marks["main"] else "init" if t < marks["open"] else "request" if t <= marks["response"] else "after"
                o = bench.class_origin(cls, src)
                if o == "other libraries":
                    o = next((lab for p, lab in bench_coldcloud.ORIGINS if cls.startswith(p)), o)
                phases.setdefault(ph, {}).setdefault(o, 0)
                phases[ph][o] += 1
            out[f"{v}{rep}"] = {"jvm_to_main": marks["main"] - first, "init": marks["open"] - marks["main"],
                           "request": marks["response"] - marks["open"], "phases": phases}
finally:
    cloud.close()
print(json.dumps(out, indent=1))
