#!/usr/bin/env bash
# draftdec against pandoc on the same content, and against its own parser.
#
#   scripts/bench-vs-pandoc.sh [--docs N] [--sizes "1 10 100"] [--runs R]
#
# 1. Per document: N generated notes (.draft and the same words as pandoc
#    Markdown with footnotes), each built to DOCX and to HTML by one process
#    per document, as a drafter or CI would; the ratio of wall times.
# 2. One large document (the first of --sizes, in MiB) to DOCX and HTML by
#    both tools: the same comparison without process start-up.
# 3. Throughput on one core, inside one process: the bare pest parse (the
#    limit of this design) against parse + lower + resolve + validate.
# 4. Time and peak memory (/usr/bin/time -v) of `check` and of
#    `build --to json` for each size: linearity and the memory/input ratio.
# 5. A batch build of the N documents with -j 1, one worker per core, and
#    the default of two per core.
#
# Every timing is the best of --runs runs (least disturbed by other work on
# the machine). Needs pandoc (Debian: apt-get install -y pandoc); without it
# parts 1 and 2 are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=40
sizes="1 10"
runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        --docs) docs=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        *) echo "usage: $0 [--docs N] [--sizes \"1 10 100\"] [--runs R]" >&2; exit 2 ;;
    esac
done

cargo build --release --quiet -p draftdec -p draftdec-bench
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
dd="$target_dir/release/draftdec"
bench="$target_dir/release/draftdec-bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Best wall time in seconds of `runs` runs of a command.
best() {
    local best_ns="" start end
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        if [ -z "$best_ns" ] || [ $((end - start)) -lt "$best_ns" ]; then best_ns=$((end - start)); fi
    done
    awk -v ns="$best_ns" 'BEGIN { printf "%.4f", ns / 1e9 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", b / 1048576 }'; }

"$bench" corpus --out "$work/corpus" --count "$docs" --seed 1
drafts=("$work"/corpus/*.draft)
corpus_mib=$(cat "${drafts[@]}" | wc -c | awk '{ printf "%.2f", $1 / 1048576 }')

echo "machine: $(nproc) cores, $(uname -sr); $(pandoc --version 2>/dev/null | head -1 || echo 'pandoc absent')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

each_draftdec() { for f in "${drafts[@]}"; do "$dd" build "$f" --to "$1" -o "$work/out.$1"; done; }
each_pandoc() {
    local extra=()
    [ "$1" = html ] && extra=(-s)
    for f in "${drafts[@]}"; do pandoc -f markdown "${extra[@]}" -t "$1" -o "$work/out.$1" "${f%.draft}.md"; done
}

if command -v pandoc >/dev/null; then
    echo "## 1. $docs documents ($corpus_mib MiB), one process per document"
    printf '%-6s %12s %12s %8s\n' to draftdec_s pandoc_s ratio
    for to in docx html; do
        d=$(best each_draftdec "$to")
        p=$(best each_pandoc "$to")
        printf '%-6s %12s %12s %7sx\n' "$to" "$d" "$p" "$(ratio "$p" "$d")"
    done
    echo

    first=${sizes%% *}
    "$bench" corpus --out "$work/big" --size "$first" --lang en --seed 1
    big="$work/big/sized-${first}MiB.en"
    echo "## 2. one document of $(mib "$big.draft") MiB"
    printf '%-6s %12s %12s %8s\n' to draftdec_s pandoc_s ratio
    for to in docx html; do
        extra=()
        [ "$to" = html ] && extra=(-s)
        d=$(best "$dd" build "$big.draft" --to "$to" -o "$work/big.$to")
        p=$(best pandoc -f markdown "${extra[@]}" -t "$to" -o "$work/big.p.$to" "$big.md")
        printf '%-6s %12s %12s %7sx\n' "$to" "$d" "$p" "$(ratio "$p" "$d")"
    done
    echo
else
    echo "pandoc is not installed (apt-get install -y pandoc): parts 1 and 2 skipped"
    echo
fi

echo "## 3. one core, in process: bare pest parse against parse+validate (MiB/s)"
printf '%-14s %10s %16s %8s\n' input parse parse+validate share
for lang in en ru; do
    "$bench" corpus --out "$work/tp" --size 1 --lang "$lang" --seed 2
    f="$work/tp/sized-1MiB.$lang.draft"
    p=$("$bench" stage parse "$f" --repeat "$((runs + 2))" | sed -n 's/.*s, \([0-9.]*\) MiB\/s.*/\1/p')
    c=$("$bench" stage compile "$f" --repeat "$((runs + 2))" | sed -n 's/.*s, \([0-9.]*\) MiB\/s.*/\1/p')
    printf '%-14s %10s %16s %7s%%\n' "1 MiB $lang" "$p" "$c" "$(awk -v p="$p" -v c="$c" 'BEGIN { printf "%.0f", 100 * c / p }')"
done
echo "(share: parse+validate throughput as a percentage of the bare parse's)"
echo

echo "## 4. time and peak memory by size: check (parse+validate) and build --to json"
printf '%-8s %9s %8s %11s %9s %11s\n' MiB check_s MiB/s check_peak json_s json_peak
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
for size in $sizes; do
    "$bench" corpus --out "$work/sz" --size "$size" --lang en --seed 3
    f="$work/sz/sized-${size}MiB.en.draft"
    m=$(mib "$f")
    c=$(best "$dd" check "$f")
    c_kib=$(peak "$dd" check "$f")
    j=$(best "$dd" build "$f" --to json -o "$work/sz.json")
    j_kib=$(peak "$dd" build "$f" --to json -o "$work/sz.json")
    printf '%-8s %9s %8s %10sx %9s %10sx\n' "$m" "$c" "$(awk -v m="$m" -v t="$c" 'BEGIN { printf "%.1f", m / t }')" \
        "$(awk -v k="$c_kib" -v m="$m" 'BEGIN { printf "%.1f", k / 1024 / m }')" "$j" \
        "$(awk -v k="$j_kib" -v m="$m" 'BEGIN { printf "%.1f", k / 1024 / m }')"
    rm -f "$f" "${f%.draft}.md" "$work/sz.json"
done
echo "(peak: maximum resident set size over input size; the JSON output alone is about 9x its input)"
echo

echo "## 5. batch: build of the $docs documents to DOCX in one command"
printf '%-6s %10s %10s\n' jobs seconds speedup
mkdir -p "$work/batch"
one=$(best "$dd" build "${drafts[@]}" --to docx -o "$work/batch" -j 1)
printf '%-6s %10s %10s\n' 1 "$one" 1.0
for j in $(seq 2 "$(nproc)") $((2 * $(nproc))); do
    t=$(best "$dd" build "${drafts[@]}" --to docx -o "$work/batch" -j "$j")
    printf '%-6s %10s %10s\n' "$j" "$t" "$(awk -v a="$one" -v b="$t" 'BEGIN { printf "%.2f", a / b }')"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
