#!/usr/bin/env bash
# Browser tests need Debian's Chromium. Install it when missing and the machine allows it;
# otherwise stop with instructions (browser tests are never silently skipped).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium が見つからないため Debian のパッケージからインストールします (installing chromium)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "ブラウザテストには Chromium が必要です: sudo apt-get install -y chromium fonts-noto-cjk" >&2
echo "(browser tests need Chromium: sudo apt-get install -y chromium fonts-noto-cjk)" >&2
exit 1
