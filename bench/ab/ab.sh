#!/bin/bash
# Interleaved A/B of two jars on this shared machine: both servers run, each idle while the other is
# measured; figures are req/s and the server's own CPU per request (from /proc), which a busy machine
# disturbs much less than throughput.
# usage: bench/ab/ab.sh OLD.jar NEW.jar [ROUNDS] [SECONDS]   (needs wrk, python3, curl, bc)
# One jar on two JDKs or with two settings: JAVA_OLD/JAVA_NEW (java binaries), ARGS_OLD/ARGS_NEW
# (JVM options and --settings, split on spaces), e.g.
#   JAVA_OLD=/usr/lib/jvm/java-17-openjdk-amd64/bin/java JAVA_NEW=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/ab/ab.sh target/supportdesk.jar target/supportdesk.jar
set -u
OLD=$(readlink -f "$1"); NEW=$(readlink -f "$2"); ROUNDS=${3:-5}; SECS=${4:-8}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
cd "$WORK"
cp "$HERE"/*.lua "$HERE"/*.py .
PA=$((30000 + RANDOM % 10000)); PB=$((PA + 1))
start() { # jar port dir java "jvm-options" "settings"
  rm -rf $3; mkdir -p $3
  SUPPORTDESK_DATA_DIR=$3 SUPPORTDESK_AUTH=off SUPPORTDESK_RATE_LIMIT_ENABLED=false $4 -Xmx512m $5 -jar $1 --server.port=$2 --logging.level.root=WARN $6 > $3.log 2>&1 &
  echo $!
}
split() { local o="" a=""; for w in $1; do case $w in --*) a="$a $w";; *) o="$o $w";; esac; done; echo "$o|$a"; }
SO=$(split "${ARGS_OLD:-}"); SN=$(split "${ARGS_NEW:-}")
A=$(start $OLD $PA $WORK/dA "${JAVA_OLD:-java}" "${SO%%|*}" "${SO#*|}")
B=$(start $NEW $PB $WORK/dB "${JAVA_NEW:-java}" "${SN%%|*}" "${SN#*|}")
trap 'kill $A $B 2>/dev/null; wait; rm -rf "$WORK"' EXIT
pid() { [ $1 = $PA ] && echo $A || echo $B; }
ticks() { awk '{print $14 + $15}' /proc/$(pid $1)/stat; }
for p in $PA $PB; do for i in $(seq 1 180); do curl -sf localhost:$p/health >/dev/null && break; sleep 1; done; done
python3 gen.py 20000 0 > import.csv
for p in $PA $PB; do python3 seed.py $p; done
# req/s and server CPU µs per request of one wrk run
measure() { local p=$1; shift; local t0=$(ticks $p)
  local out=$(wrk -t2 -c32 -d${SECS}s "$@" 2>&1); local t1=$(ticks $p)
  local n=$(echo "$out" | awk '/requests in/ {print $1}'); local r=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  echo "$r/$(( (t1 - t0) * 10000 / n ))us"; }
imp() { local t0=$(ticks $1); local s=$(date +%s.%N)
  curl -s -o /dev/null localhost:$1/import/csv -H 'Content-Type: text/csv' --data-binary @import.csv
  local e=$(date +%s.%N); local t1=$(ticks $1); echo "$(echo "$e - $s" | bc | cut -c1-5)s/cpu$(( (t1 - t0) * 10 ))ms"; }
echo "warm-up (load $(cut -d' ' -f1-3 /proc/loadavg))"
for p in $PA $PB; do
  IDS=ids$p wrk -t2 -c32 -d15s -s get.lua http://localhost:$p >/dev/null
  wrk -t2 -c32 -d10s "http://localhost:$p/tickets?customer_id=cust-list&limit=100" >/dev/null
  wrk -t2 -c32 -d10s -s post.lua http://localhost:$p >/dev/null
  imp $p >/dev/null; imp $p > /dev/null
done
echo "figures: req/s / server CPU per request; import: wall / server CPU"
for r in $(seq 1 $ROUNDS); do
  if [ $((r % 2)) -eq 1 ]; then ORDER="$PA $PB"; else ORDER="$PB $PA"; fi
  for p in $ORDER; do
    n=$([ $p = $PA ] && echo old || echo new)
    g=$(IDS=ids$p measure $p -s get.lua http://localhost:$p)
    l=$(measure $p "http://localhost:$p/tickets?customer_id=cust-list&limit=100")
    o=$(measure $p -s post.lua http://localhost:$p)
    i=$(imp $p)
    echo "round $r $n get=$g list100=$l post=$o import20k=$i load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
