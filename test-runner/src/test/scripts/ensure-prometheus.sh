#!/usr/bin/env bash
# Installs Debian's prometheus (for promtool) and prometheus-pushgateway when either binary is
# missing: the metrics tests push to a real Pushgateway on loopback and check the exposition with
# `promtool check metrics`. The tests start their own Pushgateway on a free port, so the packages'
# daemons are kept from starting during the install. The tests install nothing themselves and skip
# with a message when the binaries are absent.
set -euo pipefail
if command -v promtool >/dev/null 2>&1 && [ -x /usr/bin/prometheus-pushgateway ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-prometheus: installing Debian's prometheus and prometheus-pushgateway (for the metrics tests)"
export DEBIAN_FRONTEND=noninteractive
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends prometheus prometheus-pushgateway >/dev/null
promtool --version | head -1
/usr/bin/prometheus-pushgateway --version 2>&1 | head -1
