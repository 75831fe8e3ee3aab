#!/bin/sh
# Regenerates docs/img/seed-ru-page1.png: the first page of the seed example
# (examples/cooperation.ru.draft) as LibreOffice renders draftdec's DOCX.
# Needs soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils) and
# fonts-liberation2. The LibreOffice round-trip test writes the DOCX and PDF.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v soffice >/dev/null || { echo "soffice not found" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found" >&2; exit 1; }
cd "$root"
DRAFTDEC_DOCX_KEEP="$out" cargo test --quiet --test docx_libreoffice >/dev/null
mkdir -p docs/img
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/cooperation-ru.pdf" docs/img/seed-ru-page1
echo "wrote docs/img/seed-ru-page1.png"
