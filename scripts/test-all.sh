#!/usr/bin/env bash
# The whole test suite on a fresh Debian or Ubuntu machine with Node 20: installs the system tools the tests
# drive for real (with apt when this user may), then the npm packages, then runs `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# command → Debian package: Chromium (task pane e2e), LibreOffice Calc (written files open; CSV/PDF
# conversion), poppler-utils (PDF text), xmllint (manifest schema validation).
declare -A PACKAGE=([chromium]=chromium [soffice]=libreoffice-calc [pdftotext]=poppler-utils [xmllint]=libxml2-utils)
need=()
for cmd in chromium soffice pdftotext xmllint; do
  command -v "$cmd" >/dev/null 2>&1 || need+=("${PACKAGE[$cmd]}")
done

if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    apt=(apt-get)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt=(sudo apt-get)
  else
    echo "The tests need these Debian/Ubuntu packages, and this user cannot install them:" >&2
    echo "  sudo apt-get install -y ${need[*]}" >&2
    echo "测试需要以下软件包，当前用户无权安装，请先运行上面的命令。" >&2
    exit 1
  fi
  echo "Installing ${need[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" update -qq
  "${apt[@]}" install -y -qq "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
npm test
