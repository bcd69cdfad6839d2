#!/usr/bin/env bash
# Publishes the paperfeed CLI as a Native AOT executable with every warning (trim and AOT included) as an error,
# then runs the executable on the repo's samples and checks exit codes and output.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$out" "$work"' EXIT

dotnet publish src/PaperFeed.Cli -c Release -o "$out" -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true \
  -p:SuppressTrimAnalysisWarnings=false -p:TrimmerSingleWarn=false 2>&1 | tee "$work/publish.log"
if grep -E "warning (IL|AOT)[0-9]+" "$work/publish.log"; then
  echo "aot-cli: trim/AOT warnings in publish" >&2
  exit 1
fi

exe="$out/paperfeed"
[[ -x "$exe" ]] || { echo "aot-cli: $exe missing or not executable" >&2; exit 1; }

fail() { echo "aot-cli: $*" >&2; exit 1; }
expect_exit() { # expected, command...
  local expected=$1; shift
  set +e; "$@" >"$work/stdout" 2>"$work/stderr"; local code=$?; set -e
  [[ $code -eq $expected ]] || { cat "$work/stderr" >&2; fail "'$*' exited $code, expected $expected"; }
}

corpus=tests/PaperFeed.Tests/Fixtures/Real/browser-copy/001_945d3c89aa4599f6.txt

# parse: a JSON document with the sample's 53 papers, diagnostics on stderr as FeedDiagnostic.ToString() gives them
# (its diagnostics are infos, shown with -v only).
expect_exit 0 "$exe" parse samples/daily-papers.txt
[[ ! -s "$work/stderr" ]] || fail "parse printed info diagnostics without -v"
expect_exit 0 "$exe" parse -v samples/daily-papers.txt
head -c 1 "$work/stdout" | grep -q '\[' || fail "parse did not write a JSON array"
grep -q '"title": "Task-Specific Skill Localization in Fine-tuned Language Models"' "$work/stdout" || fail "parse output lacks the first paper"
grep -Eq '^samples/daily-papers.txt:[0-9]+:[0-9]+: (info|warning) PF[0-9]{3}: .+$' "$work/stderr" || fail "diagnostics not in PATH:LINE:COLUMN: severity CODE: message form"

# JSON Lines: one line per paper; read back by the same executable (detected as PaperFeed JSON).
expect_exit 0 "$exe" parse --format jsonl --quiet "$corpus"
[[ $(wc -l <"$work/stdout") -eq 53 ]] || fail "jsonl: expected 53 lines, got $(wc -l <"$work/stdout")"
cp "$work/stdout" "$work/papers.jsonl"
expect_exit 0 "$exe" parse --format jsonl "$work/papers.jsonl"
cmp -s "$work/stdout" "$work/papers.jsonl" || fail "jsonl -> jsonl is not identical"

# Parquet: Parquet.Net's schema discovery carries trim/AOT warnings (see PaperFeed.Cli.csproj), so the native
# executable must write the very bytes the JIT build of the same code writes, in every partition.
parquet_args=(parse --quiet --format parquet --partition-by week --reference-date 2025-12-31 tests/PaperFeed.Tests/Fixtures/Real/browser-copy/000_8204dcf02e091c26.txt "$corpus")
expect_exit 0 "$exe" "${parquet_args[@]}" -o "$work/parquet-native"
dotnet src/PaperFeed.Cli/bin/Release/net10.0/linux-x64/PaperFeed.Cli.dll "${parquet_args[@]}" -o "$work/parquet-jit"
[[ $(find "$work/parquet-native" -name 'part-*.parquet' | wc -l) -eq 2 ]] || fail "parquet: expected one file in each of 2 week folders"
diff -r "$work/parquet-native" "$work/parquet-jit" || fail "parquet: the native executable's files differ from the JIT build's"
for file in "$work"/parquet-native/*/part-*.parquet; do
  [[ $(head -c 4 "$file") == PAR1 && $(tail -c 4 "$file") == PAR1 ]] || fail "parquet: $file lacks the PAR1 magic"
done

# Standard input, --output, --dedupe.
expect_exit 0 "$exe" parse --quiet --output "$work/out.json" - <"$corpus"
[[ -s "$work/out.json" && ! -s "$work/stdout" ]] || fail "--output did not write the file (or wrote stdout)"
expect_exit 0 "$exe" parse --quiet --dedupe --format jsonl tests/PaperFeed.Tests/Fixtures/Real/browser-copy/000_8204dcf02e091c26.txt "$corpus"
[[ $(wc -l <"$work/stdout") -eq 95 ]] || fail "--dedupe: expected 95 distinct papers"

# stats and schema.
expect_exit 0 "$exe" stats "$corpus"
grep -q '"papers": 53' "$work/stdout" || fail "stats: papers != 53"
grep -q '"withMetadata": 50' "$work/stdout" || fail "stats: withMetadata != 50"
# On a terminal (a pseudo-terminal from script(1), where there is one): the summary for people, same counts.
if command -v script >/dev/null && script -qec "'$exe' stats --color never '$corpus'" /dev/null >"$work/tty" 2>/dev/null; then
  grep -Eq '^papers +53' <(tr -d '\r' <"$work/tty") || fail "stats on a terminal: no 'papers 53' summary line"
fi
# Text captures are detected and read; text that is no listing is refused with one line (PF925), nothing on stdout.
expect_exit 0 "$exe" parse --format jsonl tests/PaperFeed.Tests/Fixtures/Real/captures/clipper-export-search-intercode-bash.txt
[[ $(wc -l <"$work/stdout") -eq 9 ]] || fail "clipper capture: expected 9 papers"
expect_exit 1 "$exe" parse README.md
grep -q PF925 "$work/stderr" && [[ ! -s "$work/stdout" ]] || fail "README: expected PF925 and no output"

expect_exit 0 "$exe" schema
cmp -s "$work/stdout" docs/paperfeed.schema.json || fail "schema differs from docs/paperfeed.schema.json"

# Exit codes: input errors 1, usage errors 2, one line and never a stack trace.
expect_exit 1 "$exe" parse "$work/no-such-file.txt"
printf 'a\0b' >"$work/binary.bin"
expect_exit 1 "$exe" parse "$work/binary.bin"
expect_exit 2 "$exe" parse --format xml "$corpus"
expect_exit 2 "$exe" parse --max-line-length 0 "$corpus"
if grep -q '   at ' "$work/stderr"; then fail "stack trace on stderr"; fi

echo "aot-cli: ok ($(du -h "$exe" | cut -f1) executable)"
