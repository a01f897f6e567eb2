#!/usr/bin/env bash
# A/B comparison of two checkouts in one JVM (docs/performance.md, "What changed this round"):
#   benchmarks/ab.sh ROOT_A ROOT_B WORKLOAD [ROUNDS]      e.g. a git worktree of main against this tree
#   AB_ARGS_A="--threads 1" AB_ARGS_B="--threads 2" benchmarks/ab.sh . . conex-1k   (options per side)
# Builds each tree's benchmark classes offline (nothing installed), then alternates rounds of the
# workload between the two versions, each in its own class loader, and prints their CPU seconds.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: benchmarks/ab.sh ROOT_A ROOT_B WORKLOAD [ROUNDS]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
# absolute roots: Maven resolves a relative -Dmdep.outputFile against each module of the reactor
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
for root in "$a" "$b"; do
  (cd "$root" && mvn -o -q compile dependency:build-classpath -pl benchmarks -am \
      -Dmdep.outputFile="$root/benchmarks/target/bench-classpath.txt" -Dmdep.includeScope=runtime >&2)
done
out="$here/target/ab"
mkdir -p "$out"
javac -d "$out" "$here/ab/AB.java"
export OMP_NUM_THREADS=1
export GLIBC_TUNABLES=${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1}
exec java -Xmx3g -XX:+UseTransparentHugePages \
    -Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$out" AB "$a" "$b" "$3" "${4:-10}"
