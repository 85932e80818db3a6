#!/usr/bin/env bash
# Runs a command (by default the README's `npm test`) the way a small, busy CI machine would:
# pinned to one core, with a busy loop competing for that same core. A suite that passes here
# does not depend on an idle machine.
#   scripts/under-pressure.sh            # npm test under pressure
#   scripts/under-pressure.sh npm run demo
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- npm test
if ! command -v taskset >/dev/null 2>&1; then
  echo "taskset est absent (paquet Debian util-linux) : impossible de limiter la commande à un cœur." >&2
  exit 2
fi
taskset -c 0 node -e 'for (;;) {}' &
busy=$!
trap 'kill "$busy" 2>/dev/null || true' EXIT
echo "Sous charge : « $* » limité au cœur 0, une boucle active sur le même cœur (pid $busy)."
taskset -c 0 "$@"
