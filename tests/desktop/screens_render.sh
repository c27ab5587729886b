#!/usr/bin/env bash
# The real app under Xvfb: on a small demo store, every screen renders and
# its screenshot is written (a PNG of the window's size). The first
# screenshot is then attached to the newest event, so the Events and Media
# screens show a thumbnail.
# Usage: screens_render.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1 out=$2
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
mkdir -p "$out"
"$build/cli/debrief" --data "$store" demo generate --people 60 --events 4 --responses 300 --seed 3 > /dev/null
for screen in home events feedback reflections kudos media dashboard settings; do
  rm -f "$out/$screen.png"
  timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$build/app-desktop/debrief-desktop" --data "$store" --screen "$screen" --screenshot "$out/$screen.png"
  head -c 8 "$out/$screen.png" | od -A n -t x1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || { echo "$screen: no PNG" >&2; exit 1; }
  size=$(stat -c %s "$out/$screen.png")
  (( size > 10000 )) || { echo "$screen: a $size-byte PNG is an empty window" >&2; exit 1; }
  echo "$screen: $out/$screen.png ($size bytes)"
  if [[ $screen == home ]]; then
    newest=$("$build/cli/debrief" --data "$store" event list --newest --limit 1 | awk 'NR == 2 { print $1 }')
    "$build/cli/debrief" --data "$store" media add "$out/home.png" --to "event:$newest" > /dev/null
  fi
done
