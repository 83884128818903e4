#!/usr/bin/env bash
# Builds forge's two installable forms and proves each one runs: the .NET tool package
# (`dotnet pack`, installed with `dotnet tool install --global` into a scratch HOME) and the
# self-contained single-file `forge` for this machine's runtime. Each runs `forge --version` and the
# demo project (a copy of the repository root's project) with `forge build`.
#
#   tools/package/check.sh [OUT]        default OUT: /tmp/forge-package
#
# Other runtimes (osx-arm64, win-x64) are published too when FORGE_PACKAGE_ALL=1, but not run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-/tmp/forge-package}"
rid="${FORGE_RID:-linux-x64}"
rm -rf "$out" && mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

demo() {  # demo <forge command> <folder>
  mkdir -p "$2"
  (cd "$root" && git ls-files -z forge_project.yml profiles.yml models macros seeds snapshots data-tests analyses \
    | xargs -0 -I{} cp --parents {} "$2/")
  (cd "$2" && "$1" build >"$2.log" 2>&1) || { tail -20 "$2.log"; echo "FAIL: $1 build"; exit 1; }
  grep -q "ERROR=0" "$2.log" || { tail -20 "$2.log"; echo "FAIL: demo had errors"; exit 1; }
  echo "ok: $(grep 'Done\.' "$2.log" | tail -1)"
}

echo "== dotnet pack (tool package)"
dotnet pack "$root/src/Runner" -c Release -nologo -v quiet -o "$out/nupkg"
home="$out/home"
mkdir -p "$home"
HOME="$home" DOTNET_CLI_HOME="$home" dotnet tool install --global --add-source "$out/nupkg" ModelForge.Forge >/dev/null
tool="$home/.dotnet/tools/forge"
# On a runtime with its own package, the precompiled one is installed, not the portable one.
find "$home/.dotnet/tools/.store/modelforge.forge" -maxdepth 2 -name "modelforge.forge.$rid" | grep -q . \
  || { echo "FAIL: the $rid tool package was not the one installed"; exit 1; }
echo "ok: $("$tool" --version)"
HOME="$home" demo "$tool" "$out/demo-tool"

echo "== dotnet publish -r $rid single file"
dotnet publish "$root/src/Runner" -c Release -r "$rid" -p:PublishSingleFile=true --self-contained -nologo -v quiet -o "$out/$rid"
[ "$(find "$out/$rid" -maxdepth 1 -type f ! -name '*.pdb' | wc -l)" = 1 ] || { ls "$out/$rid"; echo "FAIL: more than one file"; exit 1; }
echo "ok: $("$out/$rid/forge" --version)"
demo "$out/$rid/forge" "$out/demo-single-file"

if [ "${FORGE_PACKAGE_ALL:-0}" = 1 ]; then
  for other in osx-arm64 win-x64; do
    echo "== dotnet publish -r $other single file (not run here)"
    dotnet publish "$root/src/Runner" -c Release -r "$other" -p:PublishSingleFile=true --self-contained -nologo -v quiet -o "$out/$other"
    ls -la "$out/$other"
  done
fi
echo "all packaging checks passed ($out)"
