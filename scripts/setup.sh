#!/usr/bin/env bash
# Installs what parkwatch needs beyond Java 17 and the Maven wrapper: Debian's influxdb
# (1.6, the local time-series server), mosquitto (the production-like MQTT broker the tests
# prove interoperability with), mosquitto-clients (mosquitto_pub, which the README's first example
# and the demo's "try" line use), chromium with chromium-driver (the headless browser the
# console's browser test drives), fonts-wqy-microhei (its Chinese labels), prometheus (for
# promtool, which checks deploy/prometheus/; the Prometheus server itself is not run) and
# systemd (for systemd-analyze, which checks deploy/systemd/). Safe to run again: it installs
# only what is missing.
set -euo pipefail

need=()
command -v influxd >/dev/null 2>&1 || need+=(influxdb)
{ command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ]; } || need+=(mosquitto)
{ command -v mosquitto_passwd >/dev/null 2>&1 || [ -x /usr/bin/mosquitto_passwd ]; } || need+=(mosquitto)
{ command -v mosquitto_pub >/dev/null 2>&1 || [ -x /usr/bin/mosquitto_pub ]; } || need+=(mosquitto-clients)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# A Chinese font, so the console's default language renders (and its screenshots read) in Chromium.
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
# promtool checks the scrape configuration and alerting rules under deploy/prometheus/.
{ command -v promtool >/dev/null 2>&1 || [ -x /usr/bin/promtool ]; } || need+=(prometheus)
# systemd-analyze and systemd-sysusers check deploy/systemd/ (no systemd needs to run).
[ -x /usr/bin/systemd-analyze ] || need+=(systemd)

if ! command -v java >/dev/null 2>&1; then
  echo "parkwatch setup: Java 17 is required (Debian: apt-get install openjdk-17-jdk-headless)" >&2
  exit 1
fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
echo "parkwatch setup: installing ${need[*]} from Debian's packages" >&2

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo)
else
  echo "parkwatch setup: cannot install ${need[*]}: not root and no password-less sudo." >&2
  echo "  Install them yourself: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "parkwatch setup: apt-get not found; install ${need[*]} with your system's package manager." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The packages enable system services; parkwatch starts its own servers on chosen ports, so
# stop any that the package manager may have started (no-op where there is no init system).
for service in influxdb mosquitto prometheus; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
    "${run[@]}" systemctl stop "$service" || true
  fi
done
# Without systemd, the prometheus package's postinst starts the server through its init script
# (unless policy-rc.d forbids it); parkwatch needs only promtool, so stop the server it started.
if [[ " ${need[*]} " == *" prometheus "* ]] && [ -x /etc/init.d/prometheus ] \
    && /etc/init.d/prometheus status >/dev/null 2>&1; then
  "${run[@]}" /etc/init.d/prometheus stop >/dev/null || true
fi
echo "parkwatch setup: installed ${need[*]}" >&2
