#!/bin/sh
# Generates a CoNeX behavior plugin project from the Izhikevich example.
#   usage: examples/new-plugin.sh TARGET_DIR JAVA_PACKAGE MODEL_NAME
#   e.g.   examples/new-plugin.sh ~/adex-plugin com.example.snn.adex AdEx
# The result builds with `mvn package` into a bundle you can drop into deploy/.
set -eu
[ $# -eq 3 ] || { sed -n '2,4p' "$0" >&2; exit 2; }
target=$1 pkg=$2 name=$3
echo "$name" | grep -Eq '^[A-Z][A-Za-z0-9_]*$' || {
  echo "MODEL_NAME must be a Java class name (an upper-case letter, then letters, digits or _): $name" >&2; exit 2; }
echo "$pkg" | grep -Eq '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' || { echo "not a Java package: $pkg" >&2; exit 2; }
[ ! -e "$target" ] || { echo "$target exists" >&2; exit 2; }
src=$(cd "$(dirname "$0")/izhikevich-plugin" && pwd)
dir=$(echo "$pkg" | tr . /)
artifact=$(echo "$name" | tr 'A-Z' 'a-z')-plugin
mkdir -p "$target/src/main/java/$dir" "$target/src/test/java/$dir" "$target/src/main/resources/META-INF/services"
sed -e "s#<groupId>org.conex.examples</groupId>#<groupId>$pkg</groupId>#" \
    -e "s#<artifactId>conex-example-izhikevich</artifactId>#<artifactId>$artifact</artifactId>#" \
    -e "s#<plugin.bsn>org.conex.examples.izhikevich</plugin.bsn>#<plugin.bsn>$pkg</plugin.bsn>#" \
    -e "s#CoNeX example plugin: Izhikevich neuron#$name neuron model for CoNeX#" \
    -e "s#<description>.*</description>#<description>$name: a neuron model for CoNeX (describe it here).</description>#" \
    "$src/pom.xml" > "$target/pom.xml"
for f in IzhikevichBehaviors Izhikevich; do
  out=$(echo "$f" | sed "s/Izhikevich/$name/")
  sed -e "s/package org.conex.examples.izhikevich;/package $pkg;/" -e "s/Izhikevich/$name/g" \
      "$src/src/main/java/org/conex/examples/izhikevich/$f.java" > "$target/src/main/java/$dir/$out.java"
done
sed -e "s/package org.conex.examples.izhikevich;/package $pkg;/" -e "s/Izhikevich/$name/g" \
    "$src/src/test/java/org/conex/examples/izhikevich/IzhikevichContractTest.java" \
    > "$target/src/test/java/$dir/${name}ContractTest.java"
echo "$pkg.${name}Behaviors" > "$target/src/main/resources/META-INF/services/org.conex.api.behavior.BehaviorProvider"
echo "created $target: edit src/main/java/$dir/$name.java (equations, parameters), then mvn package"
echo "(mvn package needs the CoNeX jars in your Maven repository: mvn install -DskipTests once in a CoNeX checkout)"
