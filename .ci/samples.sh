#!/usr/bin/env bash
# Runs the file-based sample scripts the way users do (dotnet run samples/x.cs) and checks what they print.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(dotnet run samples/top-papers.cs -- samples/daily-papers.txt 3)
echo "$out"
[ "$(echo "$out" | wc -l)" -eq 3 ] || { echo "top-papers printed the wrong number of lines"; exit 1; }
echo "$out" | head -1 | grep -q "^ *3  " || { echo "top-papers: the first paper should have 3 upvotes"; exit 1; }

merged=$(mktemp)
dotnet run samples/merge-snapshots.cs -- tests/PaperFeed.Tests/Fixtures/Real/browser-copy/000_8204dcf02e091c26.txt tests/PaperFeed.Tests/Fixtures/Real/browser-copy/001_945d3c89aa4599f6.txt > "$merged" 2>/dev/null
lines=$(wc -l < "$merged")
[ "$lines" -eq 95 ] || { echo "merge-snapshots wrote $lines papers, expected 95 distinct"; exit 1; }
bad=$(grep -vc '^{"title":' "$merged" || true)
[ "$bad" -eq 0 ] || { echo "merge-snapshots wrote $bad lines that are not papers"; exit 1; }
# Each JSON line must read back through the CLI's own JSON Lines reader.
[ "$(dotnet run --project src/PaperFeed.Cli -- parse --format jsonl "$merged" 2>/dev/null | wc -l)" -eq 95 ] || { echo "merged JSON Lines do not read back"; exit 1; }
rm -f "$merged"
echo "merge-snapshots: 95 distinct papers from the two corpus snapshots"
