#!/usr/bin/env bash
# Spark (pyspark, local mode) needs a Java 17+ runtime: install Debian's if none is found.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
    exit 0
fi
echo "installing a Java runtime from Debian's packages (for Spark)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq openjdk-17-jre-headless >/dev/null
