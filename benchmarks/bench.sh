#!/usr/bin/env bash
# The benchmark command from the source tree (docs/performance.md; `bin/conex bench` in a distribution):
#   benchmarks/bench.sh [NAME...] [--runs N] [--warmup N] [--warmup-seconds S] [--threads N] [--json FILE] [--profile] [--same-jvm]
# NAME: simple-lif, izhikevich, conex-1k, conex-4k, conex-10k, conex, all (default), scaling.
# Compiles the reactor modules it needs (offline, nothing installed), then runs
# org.conex.bench.BenchMain on one ND4J thread with capped heap and native memory; with several
# workloads each runs in a child JVM with these same options and environment.
# GLIBC_TUNABLES=glibc.malloc.hugetlb=1 lets glibc put ND4J's large arrays on transparent huge pages
# (the JVM flag only covers the Java heap): fewer page faults while building, more TLB reach for
# the scattered column updates of STDP. CONEX_JOPTS adds JVM options (e.g. -XX:+PrintCompilation).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp_file="$root/benchmarks/target/bench-classpath.txt"
(cd "$root" && mvn -o -q compile dependency:build-classpath -pl benchmarks -am \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2)
export OMP_NUM_THREADS=1
export GLIBC_TUNABLES=${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1}
exec java ${CONEX_JOPTS:-} -Xmx${CONEX_BENCH_HEAP:-2g} -XX:+UseTransparentHugePages \
    -Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$root/benchmarks/target/classes:$(cat "$cp_file")" org.conex.bench.BenchMain "$@"
