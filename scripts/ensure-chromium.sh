#!/usr/bin/env bash
# Makes sure Debian's Chromium (for the end-to-end tests), a CJK font (so Chinese renders in
# screenshots) and poppler-utils (pdfinfo, pdftoppm, pdftotext: the e2e reads the exported PDF
# back) are installed; installs them with apt-get when missing, or says clearly why not.
set -euo pipefail

need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then need+=(fonts-noto-cjk); fi
command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null || need+=(poppler-utils)
((${#need[@]} == 0)) && exit 0

echo "Installing ${need[*]} with apt-get (needed by the end-to-end tests)…"
if [[ $(id -u) -eq 0 ]]; then
  apt=(apt-get)
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  apt=(sudo apt-get)
else
  echo "ERROR: ${need[*]} missing and this user cannot run apt-get." >&2
  echo "Install them once as root:  apt-get update && apt-get install -y ${need[*]}" >&2
  exit 1
fi
if ! { "${apt[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${need[@]}" >/dev/null; }; then
  echo "ERROR: apt-get could not install ${need[*]} (no access to Debian's package mirror?)." >&2
  exit 1
fi
[[ -x /usr/bin/chromium ]] || { echo "ERROR: /usr/bin/chromium still missing after install." >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "ERROR: pdftoppm still missing after install." >&2; exit 1; }
echo "Installed ${need[*]}."
