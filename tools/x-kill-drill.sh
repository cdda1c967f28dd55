#!/bin/sh
# The X connector's kill drill: `crisisdesk collect` in child JVMs against the test suite's fake X API (1,300 mentions
# in bursts, 550 within one second), killed with SIGKILL three times mid-burst, restarted, finally stopped with SIGTERM.
# Passes when every mention is stored exactly once with its full text, no 429 was served and the SIGTERM exit is 0,
# for API v2 and v1.1. Takes a few minutes (each child JVM opens the database afresh).
set -eu
cd "$(dirname "$0")/.."
exec mvn -B -Pdrill test -Dtest=CollectKillDrillTest "$@"
