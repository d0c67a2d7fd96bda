#!/usr/bin/env bash
# Installs Debian's chromium when /usr/bin/chromium is missing: the HTML report test renders the
# report in headless Chromium. Nothing happens when it is already there. Needs root (or sudo) and
# Debian's package archive; the test itself installs nothing and skips with a message without it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-chromium: installing Debian's chromium (for the HTML report test)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
