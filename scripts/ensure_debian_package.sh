#!/usr/bin/env bash
# Usage: ensure_debian_package.sh COMMAND PACKAGE
# Install Debian's PACKAGE when COMMAND is not found: `make test` needs a Java runtime for
# Spark (local mode) and Chromium for the impact report's page.
set -euo pipefail
command_name=$1
package=$2
if command -v "$command_name" >/dev/null 2>&1; then
    exit 0
fi
echo "installing $package from Debian's packages (for $command_name)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$package" >/dev/null
