#!/usr/bin/env bash
# Takes assets/screenshots/desk.png: the desk during the demo replay, in a real GTK window under Xvfb.
# Usage: tools/screenshot-desk.sh [OUT.png] [SECONDS] [LANG]   (defaults: assets/screenshots/desk.png, 30, ko)
# Installs xvfb, GTK, imagemagick (and xdotool for KEYS/CLICK) from Debian's packages when missing (run as root or
# with sudo). It does not install a font: for Korean text a Hangul font must already be there (e.g. fonts-noto-cjk).
# The home is fresh, so the first-run welcome would cover the desk: it is skipped unless WELCOME=1. KEYS="ctrl+comma"
# (xdotool key names, space-separated) are pressed SECS seconds after the start, and the picture is taken 3 s later (8 s after a CLICK):
# e.g. KEYS=F1 for the shortcut overlay. CLICK="X Y" clicks there first (e.g. CLICK="1372 20": the settings button at
# 1440x900), as a window manager-less Xvfb may not give the desk keyboard focus.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets/screenshots/desk.png}
secs=${2:-30}
lang=${3:-ko}

need=""
command -v Xvfb >/dev/null || need="$need xvfb"
command -v import >/dev/null || need="$need imagemagick"
[ -z "${KEYS:-}${CLICK:-}" ] || command -v xdotool >/dev/null || need="$need xdotool"
[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || need="$need libgtk-3-0"
if [ -n "$need" ]; then
  apt-get update -q >/dev/null && apt-get install -y -q $need >/dev/null
fi
[ -f target/crisisdesk.jar ] || mvn -B -q package -DskipTests

home=$(mktemp -d)
[ "${WELCOME:-0}" = 1 ] || echo "welcome.done=true" > "$home/desk.properties"
disp=":$((100 + RANDOM % 100))"
Xvfb "$disp" -screen 0 1440x900x24 >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
DISPLAY="$disp" java -Duser.language="$lang" -jar target/crisisdesk.jar --home "$home" --demo-speed 60 >/dev/null 2>&1 &
apid=$!
sleep "$secs"
if [ -n "${CLICK:-}" ]; then
  DISPLAY="$disp" xdotool mousemove $CLICK click 1
  sleep 8
fi
if [ -n "${KEYS:-}" ]; then
  DISPLAY="$disp" xdotool key $KEYS
  sleep 3
fi
DISPLAY="$disp" import -window root "$out"
kill $apid 2>/dev/null || true
wait $apid 2>/dev/null || true
echo "screenshot: $out"
