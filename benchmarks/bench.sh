#!/usr/bin/env bash
# The benchmark command (docs/performance.md):
#   benchmarks/bench.sh [NAME...] [--runs N] [--warmup N] [--json FILE]
# NAME: simple-lif, izhikevich, conex-1k, conex-4k, conex-10k, conex, all (default), scaling.
# Compiles the reactor modules it needs (offline, nothing installed), then runs
# org.conex.bench.BenchMain on one ND4J thread with capped heap and native memory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp_file="$root/benchmarks/target/bench-classpath.txt"
(cd "$root" && mvn -o -q compile dependency:build-classpath -pl benchmarks -am \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2)
export OMP_NUM_THREADS=1
exec java -Xms1g -Xmx${CONEX_BENCH_HEAP:-2g} -XX:+UseTransparentHugePages \
    -Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$root/benchmarks/target/classes:$(cat "$cp_file")" org.conex.bench.BenchMain "$@"
