#!/bin/sh
# Regenerates the rendered pages in docs/img/:
#   seed-LANG-page1.png  first page of examples/cooperation.LANG.draft as
#                        LibreOffice renders draftdec's DOCX
#   seed-LANG-decision.png  its last page, where the draft decision ends the
#                        note (the page with its operative paragraphs)
#   seed-LANG-html.png   the top of the same document's HTML page in headless
#                        Chromium (first screen, as a reader opens it)
# for the Russian seed and the Arabic and Chinese versions (LANGS to change);
# HTML shots for HTML_LANGS (Arabic and Chinese: seed-ru-html.png is the
# full-page shot tests/html_browser.rs takes, see docs/html.md).
# Needs soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils),
# chromium, fonts-liberation2, fonts-noto-core and fonts-noto-cjk.
# tests/fonts/fonts.conf maps the Windows faces the DOCX names (Simplified
# Arabic, SimSun) onto the Noto faces, as the rendering tests do.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
langs=${LANGS:-ru ar zh}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
for tool in soffice pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
done
[ -n "$chromium" ] || { echo "chromium not found" >&2; exit 1; }
export FONTCONFIG_FILE="$root/tests/fonts/fonts.conf"
cd "$root"
cargo build --quiet
mkdir -p docs/img
for lang in $langs; do
  src=examples/cooperation.$lang.draft
  ./target/debug/draftdec build --to docx -o "$out/seed-$lang.docx" "$src"
  soffice -env:UserInstallation="file://$out/profile" --headless \
    --convert-to pdf --outdir "$out" "$out/seed-$lang.docx" >/dev/null 2>&1
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/seed-$lang.pdf" "docs/img/seed-$lang-page1"
  last=$(pdfinfo "$out/seed-$lang.pdf" | awk '/^Pages:/ { print $2 }')
  pdftoppm -png -r 80 -f "$last" -l "$last" -singlefile "$out/seed-$lang.pdf" "docs/img/seed-$lang-decision"
  echo "wrote docs/img/seed-$lang-page1.png, docs/img/seed-$lang-decision.png (page $last)"
done
for lang in ${HTML_LANGS:-ar zh}; do
  ./target/debug/draftdec build --to html -o "$out/seed-$lang.html" "examples/cooperation.$lang.draft"
  # --force-device-scale-factor keeps the image size independent of the host.
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size=1000,1300 \
    --screenshot="$root/docs/img/seed-$lang-html.png" "file://$out/seed-$lang.html" >/dev/null 2>&1
  echo "wrote docs/img/seed-$lang-html.png"
done
