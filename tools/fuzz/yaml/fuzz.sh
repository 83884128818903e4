#!/usr/bin/env bash
# Fuzz forge's YAML loader with AFL++ for a set time: ./fuzz.sh [seconds] (default 600).
# Needs: apt-get install afl++ ; dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
# Findings land in findings/default/crashes/; replay one with `dotnet bin/forge-yaml-fuzz.dll FILE`
# and add it to tests/Corpus/ (or a Compiler test) once fixed.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
dotnet publish YamlFuzz.csproj -c Release -o bin -nologo -v quiet
sharpfuzz bin/ModelForge.Compiler.dll
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1
timeout --preserve-status "$seconds" afl-fuzz -i corpus -o findings -t 5000 -m none -- dotnet bin/forge-yaml-fuzz.dll || true
ls findings/default/crashes 2>/dev/null | grep -v README || echo "no crashes"
