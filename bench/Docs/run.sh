#!/usr/bin/env bash
# Docs benchmark: builds forge, generates a 5,000-model project, times `forge docs generate` and
# the page's time to interactive in Chromium, and appends the figures to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Runner -c Release -nologo -v quiet
dotnet run -c Release --project bench/Docs -- "${1:-5000}" "${2:-3}"
