#!/usr/bin/env bash
# Instructions per stage (valgrind --tool=callgrind), a measure that does not
# depend on the machine's load: for before/after comparisons of the pipeline.
#
#   scripts/stage-instructions.sh [DRAFTDEC_BENCH...]
#
# Each DRAFTDEC_BENCH is a draftdec-bench binary (default: this tree's
# release build); for each, every stage is run once over each input (the
# seed and 1 MiB generated notes in English and Russian) and the
# instructions it took are printed, with the count per byte of source. The
# start-up of the process is measured once, as the same stage over an
# empty file, and subtracted.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install -y valgrind)" >&2; exit 2; }

if [ $# -eq 0 ]; then
    cargo build --release --quiet -p draftdec-bench
    target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
    set -- "$target_dir/release/draftdec-bench"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$1" corpus --out "$work" --size 1 --lang en --seed 2 >/dev/null
"$1" corpus --out "$work" --size 1 --lang ru --seed 2 >/dev/null
: >"$work/empty.draft"
inputs=(examples/cooperation.ru.draft "$work/sized-1MiB.en.draft" "$work/sized-1MiB.ru.draft")

# Instructions of one run of the binary (callgrind's total, "Collected").
instr() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

for bin in "$@"; do
    echo "## $bin"
    printf '%-22s %-8s %14s %10s\n' input stage instructions per_byte
    for f in "${inputs[@]}"; do
        bytes=$(stat -c %s "$f")
        for stage in parse lower compile json html docx; do
            base=$(instr "$bin" stage "$stage" "$work/empty.draft" --repeat 1)
            n=$(instr "$bin" stage "$stage" "$f" --repeat 1)
            printf '%-22s %-8s %14s %10s\n' "$(basename "$f")" "$stage" "$((n - base))" \
                "$(awk -v n="$n" -v b="$base" -v s="$bytes" 'BEGIN { printf "%.0f", (n - b) / s }')"
        done
    done
done
