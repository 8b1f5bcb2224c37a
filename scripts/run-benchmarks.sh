#!/usr/bin/env bash
# Runs every Skystate benchmark against its baseline in one run on this machine and writes
#   benchmarks/results/<date>-results.md   tables: ratios, absolute figures, spread, machine
#   benchmarks/results/<date>-ratios.svg   bar chart of each ratio against its goal
# and the summary table in benchmarks/README.md. About 70 minutes on 2 cores. See benchmarks/README.md.
#
#   scripts/run-benchmarks.sh            everything
#   BENCH_SKIP=state,aws,awscanned,azure,azurecpu,gcp,gcpcpu,workflow,fanout,durable,observability,scaling,coldstart,coldstart-extra,conformance scripts/run-benchmarks.sh   leave parts out; the report
#                                        still shows the skipped parts' results of an earlier run from bench-raw/
#   BENCH_STATE_PROFILER=stack scripts/run-benchmarks.sh    add a JMH profiler to the state benchmarks
#   BENCH_OBSERVABILITY_OPTS="-Dbench.warmups=2 -Dbench.iterations=4 -Dbench.millis=200" \
#     BENCH_SKIP=state,aws,azure,gcp,workflow,durable,coldstart,conformance scripts/run-benchmarks.sh
#                                        a one-minute smoke run of the observability overhead only (noisy figures)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
raw="$root/benchmarks/target/bench-raw"
skip=",${BENCH_SKIP:-},"
mkdir -p "$raw" "$root/benchmarks/target/bench-tmp"

step() { echo; echo "=== $* ($(date +%H:%M:%S))"; }

step "tools"
if [[ ! -x .emulators/bin/durabletask-go ]]; then
  scripts/install-benchmark-tools.sh || echo "durabletask-go could not be installed; the workflow anchor is skipped"
fi

step "build (-Pbenchmarks)"
# -o when everything is in the local repository already; otherwise let Maven download.
./mvnw -B -q -ntp -o -Pbenchmarks -pl benchmarks -am install -DskipTests 2>/dev/null \
  || ./mvnw -B -q -ntp -Pbenchmarks -pl benchmarks -am install -DskipTests

cp="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
python3 benchmarks/bench.py machine "$raw/machine.json"

if [[ "$skip" != *,state,* ]]; then
  step "1-2. state: Skystate vs JDBC floor (JMH)"
  rm -f "$raw"/jmh-state-t*.json
  java -Xmx512m -Dbench.tmp="$root/benchmarks/target/bench-tmp" -cp "$cp" \
    io.skystate.bench.state.StateBenchMain "$raw" ${BENCH_STATE_PROFILER:-} | tee "$raw/jmh-state.log" \
    | grep -E '^(Benchmark|StateBench|# Run complete|\s*(get|put|cond|trans))' || true
fi

if [[ "$skip" != *,aws,* ]]; then
  step "2. AWS state: Skystate vs raw AWS SDK calls, both on moto (JMH)"
  if [[ -x .emulators/venv/bin/moto_server ]]; then
    rm -f "$raw"/jmh-aws-r*.json
    java -Xmx512m -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" -cp "$cp" \
      io.skystate.bench.aws.AwsStateBenchMain "$raw" \
      | tee "$raw/jmh-aws.log" | grep -E '^(Benchmark|AwsStateBench|# Run complete|moto at)' || true
  else
    echo "moto is not installed (scripts/install-emulators.sh); the AWS state benchmark is skipped"
  fi
fi

if [[ "$skip" != *,awscanned,* ]]; then
  step "2d. AWS state, client-side cost: Skystate vs raw AWS SDK calls against a loopback DynamoDB endpoint (JMH)"
  # No emulator needed: the endpoint (io.skystate.bench.awscanned.LoopbackDynamo) runs in the launching JVM.
  rm -f "$raw"/jmh-awscanned*.json "$raw"/awscanned-{requests,paired}.json "$raw/awscanned-cpu.jsonl"
  echo "start $(date -u +%H:%M:%S) $(cat /proc/loadavg)" > "$raw/awscanned-load.txt"
  java -Xmx512m -cp "$cp" io.skystate.bench.awscanned.AwsCannedBenchMain "$raw" | tee "$raw/jmh-awscanned.log" \
    | grep -E '^(Benchmark|AwsCannedBench|# Run complete|loopback DynamoDB at|[a-z0-9]+: requests per)' || true
  echo "end $(date -u +%H:%M:%S) $(cat /proc/loadavg)" >> "$raw/awscanned-load.txt"
  # The decisive figures: both sides in one JVM, alternating blocks, CPU time per operation (≈ 5 min).
  echo "paired-start $(date -u +%H:%M:%S) $(cat /proc/loadavg)" >> "$raw/awscanned-load.txt"
  java -Xmx512m -Xms512m -cp "$cp" io.skystate.bench.awscanned.PairedCpu "$raw" | tee "$raw/awscanned-paired.log" \
    | grep -v '^SLF4J' || true
  echo "paired-end $(date -u +%H:%M:%S) $(cat /proc/loadavg)" >> "$raw/awscanned-load.txt"
fi

if [[ "$skip" != *,azure,* ]]; then
  step "2b. Azure state: Skystate's Tables store vs raw azure-data-tables calls, both on Azurite (JMH)"
  if [[ -f emulators/node_modules/azurite/dist/src/azurite.js ]]; then
    rm -f "$raw"/jmh-azure-r*.json
    java -Xmx512m -Dbench.seconds=2 -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" -cp "$cp" \
      io.skystate.bench.azure.AzureTablesBenchMain "$raw" \
      | tee "$raw/jmh-azure.log" | grep -E '^(Benchmark|AzureTablesBench|# Run complete|azurite at)' || true
  else
    echo "Azurite is not installed (scripts/install-emulators.sh); the Azure state benchmark is skipped"
  fi
fi

# The GCP state benchmarks' class path. Not the module's: the root pom pins protobuf 3.24 / gRPC 1.59 for the Durable
# Task SDK, while the Google clients need libraries-bom's (adapter-gcp's own resolution). So: the benchmark classes,
# JMH, the harness and adapter-gcp's jar from the module's class path, then adapter-gcp's runtime class path.
gcp_classpath() {
  local gcpcp=(-B -q -ntp -pl adapter-gcp org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$root/benchmarks/target/classpath-gcp.txt")
  ./mvnw -o "${gcpcp[@]}" >/dev/null 2>&1 || ./mvnw "${gcpcp[@]}" >&2  # stdout is the class path
  # adapter-gcp and the harness appear as ~/.m2 jars or, in a reactor build, as their target/ jars or classes
  local own
  own=$(tr ':' '\n' < "$root/benchmarks/target/classpath.txt" \
    | grep -E '/(skystate-)?(adapter-gcp|emulator-harness)[-/]|/(jmh-core|jopt-simple|commons-math3)[-/]' | paste -sd:)
  echo "$root/benchmarks/target/classes:$own:$(cat "$root/benchmarks/target/classpath-gcp.txt")"
}

if [[ "$skip" != *,gcp,* ]]; then
  step "2c. GCP state: Skystate's Firestore store vs raw google-cloud-firestore calls, both on the Firestore emulator (JMH)"
  if [[ -f emulators/node_modules/@firestore-emulator/server/package.json ]]; then
    rm -f "$raw"/jmh-gcp-r*.json
    java -Xmx512m -Dbench.seconds=2 -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" \
      -cp "$(gcp_classpath)" io.skystate.bench.gcp.FirestoreBenchMain "$raw" \
      | tee "$raw/jmh-gcp.log" | grep -E '^(Benchmark|FirestoreBench|# Run complete|firestore emulator at)' || true
  else
    echo "the Firestore emulator is not installed (scripts/install-emulators.sh); the GCP state benchmark is skipped"
  fi
fi

if [[ "$skip" != *,azurecpu,* ]]; then
  step "2b'. Azure state, decisive: paired client CPU time, Skystate vs raw azure-data-tables in one JVM, on Azurite"
  if [[ -f emulators/node_modules/azurite/dist/src/azurite.js ]]; then
    rm -f "$raw/azure-paired.json"
    java -Xmx512m -Xms512m -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" -cp "$cp" \
      io.skystate.bench.azure.AzureTablesBenchMain "$raw" paired | tee "$raw/azure-paired.log" \
      | grep -E '^(azure|azurite)' || true
  fi
fi

if [[ "$skip" != *,gcpcpu,* ]]; then
  step "2c'. GCP state, decisive: paired client CPU time, Skystate vs raw Firestore calls in one JVM, on the emulator"
  if [[ -f emulators/node_modules/@firestore-emulator/server/package.json ]]; then
    rm -f "$raw/gcp-paired.json"
    java -Xmx512m -Xms512m -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" \
      -cp "$(gcp_classpath)" io.skystate.bench.gcp.FirestoreBenchMain "$raw" paired | tee "$raw/gcp-paired.log" \
      | grep -E '^(gcp|firestore)' || true
  fi
fi

if [[ "$skip" != *,workflow,* ]]; then
  step "3. workflows: Skystate vs Durable Task sidecar"
  engines=(skystate)
  if [[ -x .emulators/bin/durabletask-go ]]; then
    engines+=("durabletask=$root/.emulators/bin/durabletask-go")
  fi
  java -Xmx2g -Dbench.tmp="$root/benchmarks/target/bench-tmp" -cp "$cp" \
    io.skystate.bench.workflow.WorkflowBench "$raw/workflow.jsonl" "${engines[@]}" 2>"$raw/workflow.stderr" \
    | tee "$raw/workflow.log"
fi

if [[ "$skip" != *,fanout,* ]]; then
  step "3b. workflows: local durable engine, cost per step of fan10 vs seq3, alternating, SQL per run"
  java -Xmx1g -Dbench.tmp="$root/benchmarks/target/bench-tmp" -cp "$cp" \
    io.skystate.bench.workflow.WorkflowStepBench "$raw/fanout.jsonl" 2>"$raw/fanout.stderr" \
    | cut -c1-200 | tee "$raw/fanout.log"
fi

if [[ "$skip" != *,durable,* ]]; then
  step "6. Durable engine: Skystate's generic orchestrator vs a hand-written one, one sidecar"
  if [[ -x .emulators/bin/durabletask-sidecar ]]; then
    java -Xmx1g -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" -cp "$cp" \
      io.skystate.bench.durable.DurableEngineBench "$raw/durable.jsonl" | tee "$raw/durable.log"
  else
    echo "the Durable Task sidecar is not installed (scripts/install-emulators.sh); the Durable benchmark is skipped"
  fi
fi

if [[ "$skip" != *,observability,* ]]; then
  step "7. observability: plain against off, metrics, traces and both, alternating in one JMH fork each"
  rm -f "$raw"/jmh-observability.json "$raw"/observability.md
  # shellcheck disable=SC2086 # the options are words on purpose
  java -Xmx512m ${BENCH_OBSERVABILITY_OPTS:-} -cp "$cp" io.skystate.bench.observability.ObservabilityBenchMain "$raw" \
    | tee "$raw/observability.log" | grep -E '^(\||# Run complete)' || true
  if [[ -f "$raw/observability.md" ]]; then
    mkdir -p "$root/benchmarks/results"
    cp "$raw/observability.md" "$root/benchmarks/results/$(date -u +%Y-%m-%d)-observability.md"
  fi
fi

if [[ "$skip" != *,scaling,* ]]; then
  step "8. scaling curves (issue 12): callback sweep vs pending callbacks, state vs threads, listing, workflows, history (local, moto, Azurite, Firestore emulator)"
  parts=(callbacks state list workflow history)
  [[ -x .emulators/venv/bin/moto_server ]] && parts+=(callbacks-aws state-aws)  # moto: filled by single puts (see StateScalingBench.fill)
  java -Xmx2g -Dbench.tmp="$root/benchmarks/target/bench-tmp" -Dbench.scaling.list-aws.n=100,1000,10000 \
    -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" -cp "$cp" \
    io.skystate.bench.scaling.ScalingMain "$raw" "${parts[@]}" 2>"$raw/scaling.stderr" | tee "$raw/scaling.log"
  if [[ -f emulators/node_modules/azurite/dist/src/azurite.js ]]; then  # the same curves on Azurite's Tables
    # 10^4 pending callbacks only idle (not-due sweep, sweeper CPU): bursts stop at bench.scaling.azure.burstMaxN
    java -Xmx2g -Dbench.tmp="$root/benchmarks/target/bench-tmp" -Dbench.scaling.list-azure.n=100,1000,10000 \
      -Dbench.scaling.callbacks-azure.n=10,100,1000,10000 -Dbench.scaling.idle-azure.n=0,1000,10000 \
      -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" -cp "$cp" io.skystate.bench.scaling.ScalingMain \
      "$raw" state-azure callbacks-azure 2>"$raw/scaling-azure.stderr" | tee "$raw/scaling-azure.log"
  fi
  if [[ -f emulators/node_modules/@firestore-emulator/server/package.json ]]; then  # ... and on the Firestore emulator
    # on adapter-gcp's own class path, as step 2c explains
    java -Xmx1g -Dbench.tmp="$root/benchmarks/target/bench-tmp" -Dbench.scaling.list-gcp.n=100,1000,10000 \
      -Dbench.scaling.callbacks-gcp.n=10,100,1000,10000 -Dbench.scaling.idle-gcp.n=0,1000,10000 \
      -Dskystate.emulators.dir="$root" -Dskystate.emulators.logs="$raw" -cp "$(gcp_classpath)" \
      io.skystate.bench.scaling.ScalingMain "$raw" state-gcp callbacks-gcp 2>"$raw/scaling-gcp.stderr" \
      | tee "$raw/scaling-gcp.log"
  fi
fi

if [[ "$skip" != *,coldstart,* ]]; then
  step "4. cold start"
  # The Lambda variant needs moto (started once by bench.py for its launches); without it that variant is skipped.
  python3 benchmarks/bench.py coldstart "$root/benchmarks/target" "$raw/coldstart.json"
fi

if [[ "$skip" != *,coldstart-extra,* ]]; then
  step "4b. cold start: entry points (Lambda, Azure Functions, Cloud Functions) vs hand-written functions, AppCDS, priming"
  # The Cloud Functions jar is assembled by bench_coldcloud.py on adapter-gcp's own runtime class path (written here;
  # -DincludeScope, the plugin's property, keeps test-scoped jars out). Azurite and the Firestore emulator are
  # started by bench.py; without them the Azure / GCP variants are left out.
  gcprt=(-B -q -ntp -pl adapter-gcp org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath
    -DincludeScope=runtime -Dmdep.outputFile="$root/benchmarks/target/classpath-gcp-runtime.txt")
  ./mvnw -o "${gcprt[@]}" 2>/dev/null || ./mvnw "${gcprt[@]}" || echo "no GCP class path: the Cloud Functions variant is left out"
  python3 benchmarks/bench.py coldstart-extra "$root/benchmarks/target" "$raw/coldstart-extra.json"
fi

if [[ "$skip" != *,conformance,* ]]; then
  step "5. conformance run time"
  python3 benchmarks/bench.py conformance "$root" "$raw/conformance.json"
fi

step "report"
python3 benchmarks/bench.py report "$raw" "$root/benchmarks/results" "$root/benchmarks/README.md"
