#!/usr/bin/env bash
# Benchmark smoke run: one dry, in-process iteration of every benchmark on the 1 MB input.
# Proves the suite still builds and runs (and that each parse finds the generator's paper count); measures nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
artifacts=$(mktemp -d)
trap 'rm -rf "$artifacts"' EXIT
dotnet run -c Release --project benchmarks/PaperFeed.Benchmarks -- --smoke --artifacts "$artifacts" "$@"
