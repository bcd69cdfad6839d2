#!/usr/bin/env bash
# Runs the file-based sample scripts the way users do (dotnet run samples/x.cs) and checks what they print.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(dotnet run samples/top-papers.cs -- samples/daily-papers.txt 3)
echo "$out"
[ "$(echo "$out" | wc -l)" -eq 3 ] || { echo "top-papers printed the wrong number of lines"; exit 1; }
echo "$out" | head -1 | grep -q "^ *3  " || { echo "top-papers: the first paper should have 3 upvotes"; exit 1; }
