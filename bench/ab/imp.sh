#!/bin/bash
# Interleaved import A/B: 100,000-row CSV imports, alternating old/new, wall time and server CPU.
# usage: bench/ab/imp.sh OLD.jar NEW.jar [ROUNDS]
set -u
OLD=$(readlink -f "$1"); NEW=$(readlink -f "$2"); ROUNDS=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
cd "$WORK"
cp "$HERE"/*.lua "$HERE"/*.py .
PA=$((30000 + RANDOM % 10000)); PB=$((PA + 1))
start() { rm -rf $3; mkdir -p $3
  SUPPORTDESK_DATA_DIR=$3 SUPPORTDESK_AUTH=off SUPPORTDESK_RATE_LIMIT_ENABLED=false java -Xmx256m -jar $1 --server.port=$2 --logging.level.root=WARN > $3.log 2>&1 &
  echo $!; }
A=$(start $OLD $PA $WORK/iA); B=$(start $NEW $PB $WORK/iB)
trap 'kill $A $B 2>/dev/null; wait; rm -rf "$WORK"' EXIT
pid() { [ $1 = $PA ] && echo $A || echo $B; }
ticks() { awk '{print $14 + $15}' /proc/$(pid $1)/stat; }
for p in $PA $PB; do for i in $(seq 1 180); do curl -sf localhost:$p/health >/dev/null && break; sleep 1; done; done
imp() { local t0=$(ticks $1); local s=$(date +%s.%N)
  local ok=$(curl -s localhost:$1/import/csv -H 'Content-Type: text/csv' --data-binary @$2 | python3 -c 'import sys,json;print(json.load(sys.stdin)["success_count"])')
  local e=$(date +%s.%N); local t1=$(ticks $1); echo "$(echo "$e - $s" | bc | cut -c1-5)s cpu=$(( (t1 - t0) * 10 ))ms ok=$ok"; }
python3 gen.py 20000 0 > import.csv
python3 gen.py 100000 500000 > import100k.csv
for p in $PA $PB; do imp $p import.csv >/dev/null; imp $p import.csv >/dev/null; done
for r in $(seq 1 $ROUNDS); do
  if [ $((r % 2)) -eq 1 ]; then ORDER="$PA $PB"; else ORDER="$PB $PA"; fi
  for p in $ORDER; do
    n=$([ $p = $PA ] && echo old || echo new)
    echo "round $r $n import100k=$(imp $p import100k.csv) load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
