#!/bin/bash
# The harness's filtered list (issue 10): its 10,000-row CSV imported as it is, then wrk on
# GET /tickets?category=…&priority=…&limit=1000 over the 24 pairs (about 400 tickets a page, as
# shared/bench/servers/supportdesk.conf asks), measured as bench/ab/classified-list.sh measures.
# usage: bench/ab/filtered-list.sh JAR [PORT] [ap]
LIST=filtered exec "$(dirname "$0")/classified-list.sh" "$@"
