#!/usr/bin/env bash
# Builds forge and runs the demo project (the repository root) end to end on the embedded DuckDB:
# loads the seeds, builds every model, and runs the data tests.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Runner -c Release -nologo -v quiet
forge=(dotnet src/Runner/bin/Release/net10.0/forge.dll)
"${forge[@]}" seed "$@"
"${forge[@]}" snapshot "$@"
"${forge[@]}" run "$@"
