#!/usr/bin/env bash
# Builds forge and runs the demo project (the repository root) end to end on the embedded DuckDB:
# `forge build` loads the seeds, builds every model and runs every data test, in one DAG walk.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Runner -c Release -nologo -v quiet
forge=(dotnet src/Runner/bin/Release/net10.0/forge.dll)
"${forge[@]}" build "$@"
