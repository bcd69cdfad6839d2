#!/usr/bin/env bash
# Proves the packages from the outside: packs them into a local folder feed, builds a fresh console app that
# references PaperFeed by version from that feed, publishes it with Native AOT and warnings as errors, runs it
# on the corpus; then installs the CLI as a .NET tool from the same feed and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
# A unique version per run, so no stale copy in the NuGet cache can stand in for this build.
version="$(dotnet msbuild src/PaperFeed/PaperFeed.csproj -getProperty:VersionPrefix)-ci.$(date +%Y%m%d%H%M%S)"

echo "== pack $version"
for project in PaperFeed PaperFeed.Html PaperFeed.Export PaperFeed.Parquet PaperFeed.Http; do
  dotnet pack "src/$project/$project.csproj" -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
  [ -f "$feed/$project.$version.nupkg" ] && [ -f "$feed/$project.$version.snupkg" ] || { echo "$project: package or symbols missing"; exit 1; }
done
if [ -f src/PaperFeed.Cli/PaperFeed.Cli.csproj ]; then
  dotnet pack src/PaperFeed.Cli/PaperFeed.Cli.csproj -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
fi
# The listing goes to a file first: grep -q stops reading early, and under pipefail unzip's broken pipe fails the step.
unzip -l "$feed/PaperFeed.$version.nupkg" > "$work/listing.txt"
for entry in lib/net10.0/PaperFeed.dll lib/net10.0/PaperFeed.xml README.md; do
  grep -q "$entry" "$work/listing.txt" || { echo "$entry missing from the PaperFeed package"; exit 1; }
done
unzip -l "$feed/PaperFeed.Parquet.$version.nupkg" > "$work/parquet-listing.txt"
for entry in lib/net10.0/PaperFeed.Parquet.dll lib/net10.0/PaperFeed.Parquet.xml README.md; do
  grep -q "$entry" "$work/parquet-listing.txt" || { echo "$entry missing from the PaperFeed.Parquet package"; exit 1; }
done
# The core package depends on ZstdSharp.Port alone (Zstandard inputs; pure managed, AOT-safe): HTML's AngleSharp, the
# exports' Syndication, Parquet.Net and Polly stay in their own packages.
unzip -p "$feed/PaperFeed.$version.nupkg" PaperFeed.nuspec > "$work/PaperFeed.nuspec"
dependencies=$(grep -o '<dependency id="[^"]*"' "$work/PaperFeed.nuspec" | sed 's/<dependency id="//; s/"$//' | sort -u | tr '\n' ' ')
[ "$dependencies" = "ZstdSharp.Port " ] || { echo "the core package must depend on ZstdSharp.Port only, it depends on: $dependencies"; exit 1; }

echo "== consumer app (Native AOT, warnings as errors)"
mkdir -p "$work/app"
cp .ci/consumer/Consumer.csproj .ci/consumer/Program.cs "$work/app/"
# The README's C# blocks compile here too, against the package alone: the tests compile them with the test
# project's access to internals, which would let a README show an API users cannot call.
{
  echo 'using System.Text.Json; using PaperFeed;'
  echo '#pragma warning disable CS1998 // a block without await'
  echo 'internal static class ReadmeBlocks {'
  awk '/^```csharp$/ { n++; print "internal static async Task Block" n "(string path, string jsonlPath) {"; inside = 1; next }
       /^```$/ && inside { print "}"; inside = 0; next }
       inside { print }' README.md
  echo '}'
} > "$work/app/ReadmeBlocks.cs"
[ "$(grep -c '^internal static async Task Block' "$work/app/ReadmeBlocks.cs")" -ge 3 ] || { echo "the README's C# blocks were not found"; exit 1; }
# An empty Directory.Build.props/Packages.props keeps the repo's own settings out of the outside app.
echo '<Project />' > "$work/app/Directory.Build.props"
echo '<Project />' > "$work/app/Directory.Packages.props"
(cd "$work/app" && dotnet publish -c Release -o "$work/out" -nologo \
  -p:PaperFeedVersion="$version" -p:RestoreAdditionalProjectSources="$feed")
out=$("$work/out/consumer" "$root/tests/PaperFeed.Tests/Fixtures/Real/browser-copy/001_945d3c89aa4599f6.txt")
echo "$out"
echo "$out" | head -1 | grep -qx "papers=53 async=53 allCores=53 gzip=53 feeds=1 roundtrip=equal" || { echo "consumer output is wrong"; exit 1; }
echo "$out" | sed -n 2p | grep -q '"title":"Task-Specific Skill Localization in Fine-tuned Language Models"' || { echo "consumer JSON is wrong"; exit 1; }

if [ -f src/PaperFeed.Cli/PaperFeed.Cli.csproj ]; then
  echo "== CLI as a .NET tool"
  dotnet tool install PaperFeed.Cli --version "$version" --tool-path "$work/tools" --add-source "$feed"
  "$work/tools/paperfeed" parse --format jsonl samples/daily-papers.txt > "$work/papers.jsonl"
  lines=$(wc -l < "$work/papers.jsonl")
  [ "$lines" -eq 53 ] || { echo "tool printed $lines JSON lines, expected 53"; exit 1; }
  echo "tool: $lines papers"
fi
echo "package checks passed"
