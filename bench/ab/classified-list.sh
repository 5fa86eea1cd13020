#!/bin/bash
# A page of 100 classified tickets (issue 10): the shared harness's 10,000-row CSV with category and
# priority emptied, so the import classifies every ticket; then wrk on GET /tickets?limit=100&category=…
# over five categories: 30 s of warm-up, three rounds of 8 s, req/s and the server's CPU per page.
# With LIST=filtered (bench/ab/filtered-list.sh): the harness's CSV imported as it is, and its 24
# category x priority pages of limit=1000 (about 400 tickets each, as shared/bench asks).
# usage: bench/ab/classified-list.sh JAR [PORT] [ap]   (needs wrk, python3, curl; JAVA to pick the JDK)
#   ap: then 10 s more under async-profiler (ASYNC_PROFILER=path/to/libasyncProfiler.so), its
#   collapsed stacks to $LIST-list.collapsed
set -u
LIST=${LIST:-classified}
JAR=$(readlink -f "$1"); P=${2:-39110}; HARNESS=$(cd "$(dirname "$0")/../../../shared/bench" && pwd)
WORK=$(mktemp -d); trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
python3 - "$HARNESS" "$WORK" "$LIST" <<'PY'
import csv, subprocess, sys
harness, work, kind = sys.argv[1], sys.argv[2], sys.argv[3]
subprocess.run(["python3", harness + "/gen_data.py", "-n", "10000", "-o", work + "/d"], check=True, capture_output=True)
rows = csv.reader(open(work + "/d/tickets.csv")); out = csv.writer(open(work + "/unlabelled.csv", "w", newline=""))
head = next(rows); out.writerow(head)
for row in rows:
    if kind == "classified":
        row[head.index("category")] = ""; row[head.index("priority")] = ""
    out.writerow(row)
PY
SUPPORTDESK_DATA_DIR=$WORK/data SUPPORTDESK_AUTH=off SUPPORTDESK_RATE_LIMIT_ENABLED=false ${JAVA:-java} -Xmx512m \
  -jar "$JAR" --server.port=$P --logging.level.root=WARN > "$WORK/server.log" 2>&1 &
PID=$!
until curl -sf localhost:$P/health >/dev/null; do sleep 0.3; done
curl -s -o /dev/null localhost:$P/import/csv -H 'Content-Type: text/csv' --data-binary @"$WORK/unlabelled.csv"
if [ "$LIST" = filtered ]; then
  for c in account_access technical_issue billing_question feature_request bug_report other; do
    for p in low medium high urgent; do echo "/tickets?category=$c&priority=$p&limit=1000"; done
  done > "$WORK/paths"
else
  printf '/tickets?limit=100&category=%s\n' account_access technical_issue billing_question feature_request bug_report > "$WORK/paths"
fi
load() { wrk -t2 -c32 -d$1 -s "$HARNESS/lua/rotate.lua" http://localhost:$P -- GET "$WORK/paths"; }
ticks() { awk '{print $14 + $15}' /proc/$PID/stat; }
load 30s > /dev/null
for r in 1 2 3; do
  t0=$(ticks); out=$(load 8s); t1=$(ticks); n=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "round $r: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, $(( (t1 - t0) * 10000 / n )) µs of server CPU a page"
done
if [ "${3:-}" = ap ]; then
  jcmd $PID JVMTI.agent_load "$ASYNC_PROFILER" '"start,event=cpu,interval=1ms"' > /dev/null
  load 10s > /dev/null
  jcmd $PID JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,collapsed,file=$PWD/$LIST-list.collapsed\"" > /dev/null
fi
