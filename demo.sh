#!/usr/bin/env bash
# Builds forge and runs the demo project (the repository root) end to end on the embedded DuckDB:
# `forge build` loads the seeds, builds every model and runs every data test, in one DAG walk;
# then `forge source freshness` checks the sources (the seeds are a static 2024 export, so they
# warn with their age; see models/staging/_sources.yml).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Runner -c Release -nologo -v quiet
forge=(dotnet src/Runner/bin/Release/net10.0/forge.dll)
"${forge[@]}" build "$@"
"${forge[@]}" source freshness "$@"
