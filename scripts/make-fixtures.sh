#!/usr/bin/env bash
# Rebuilds test/fixtures/*.xlsx: every workbook on disk there was last written by LibreOffice (Debian's
# libreoffice-calc), as users' files often are, not by the ExcelJS code the CLI itself uses.
#   CSV  → xlsx: soffice --infilter=CSV:44,34,76,1,,0,true,true  (comma, ", UTF-8, from line 1, quoted fields
#                stay text, special numbers such as dates detected) — one sheet per file.
#   multi-sheet: written with ExcelJS, then re-saved by LibreOffice (Calc MS Excel 2007 XML).
#   legacy.xls : LibreOffice's own .xls export (an OLE file, which the CLI must refuse with a clear message).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dest=test/fixtures
mkdir -p "$dest"
# A private profile keeps the run independent of (and from locking) any user's LibreOffice settings.
profile="-env:UserInstallation=file://$work/profile"

node scripts/make-fixtures.js "$work"
soffice "$profile" --headless --infilter=CSV:44,34,76,1,,0,true,true --convert-to xlsx --outdir "$work/out" "$work"/csv/*.csv >/dev/null
soffice "$profile" --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/out" "$work"/multi/*.xlsx >/dev/null
soffice "$profile" --headless --convert-to xls --outdir "$work/xls" "$work/out/clean.xlsx" >/dev/null
cp "$work"/out/*.xlsx "$dest"/
cp "$work/xls/clean.xls" "$dest/legacy.xls"
cp "$work/encrypted.xlsx" "$dest/encrypted.xlsx"
printf 'This is a plain text file that someone renamed to .xlsx.\n' > "$dest/not-a-workbook.xlsx"
ls -la "$dest"
