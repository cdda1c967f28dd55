#!/usr/bin/env bash
# Takes assets/screenshots/desk.png: the desk during the demo replay, in a real GTK window under Xvfb.
# Usage: tools/screenshot-desk.sh [OUT.png] [SECONDS] [LANG]   (defaults: assets/screenshots/desk.png, 30, ko)
# Installs xvfb, GTK, imagemagick and a Hangul font from Debian's packages when missing (run as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets/screenshots/desk.png}
secs=${2:-30}
lang=${3:-ko}

need=""
command -v Xvfb >/dev/null || need="$need xvfb"
command -v import >/dev/null || need="$need imagemagick"
[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || need="$need libgtk-3-0"
if [ -n "$need" ]; then
  apt-get update -q >/dev/null && apt-get install -y -q $need >/dev/null
fi
[ -f target/crisisdesk.jar ] || mvn -B -q package -DskipTests

home=$(mktemp -d)
disp=":$((100 + RANDOM % 100))"
Xvfb "$disp" -screen 0 1440x900x24 >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
DISPLAY="$disp" java -Duser.language="$lang" -jar target/crisisdesk.jar --home "$home" --demo-speed 60 >/dev/null 2>&1 &
apid=$!
sleep "$secs"
DISPLAY="$disp" import -window root "$out"
kill $apid 2>/dev/null || true
wait $apid 2>/dev/null || true
echo "screenshot: $out"
