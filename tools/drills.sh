#!/bin/sh
# The reliability drills in one command (see README, "Drills"):
#  - the collector (`crisisdesk collect` against the fake X API) SIGKILLed 20 times during a bursty crisis;
#  - a headless desk (stores a burst, files mentions, posts notices to a fake X) SIGKILLed 20 times at random moments;
#  - fuzzing with ten times the default cases (about 100,000 in memory, thousands through H2 and the X adapter);
#  - two desks on one database, the log privacy scan, the existing connector kill drill and fault tests.
# Each prints what it tried and the counts before and after ("drill:", "fuzz:" lines, summarised at the end).
# Options: DRILL_KILLS (default 20), FUZZ_SCALE (default 10), FUZZ_SEED (a number, or "random"). Takes several
# minutes; extra arguments go to Maven.
set -eu
cd "$(dirname "$0")/.."
KILLS="${DRILL_KILLS:-20}"
SCALE="${FUZZ_SCALE:-10}"
SEED="${FUZZ_SEED:-20261128}"
LOG="target/drills.log"
mkdir -p target
status=0
mvn -B test -Dtest.groups= -Dtest.excludedGroups=bench \
  -Dtest='DeskKillDrill,CollectorKillDrill,CollectKillDrillTest,Fuzz*Test,TwoDesksTest,LogPrivacyTest,DeskKillDrillTest,KilledRightAfterTest,OutboxTest,TwitterSourceTest,DatabaseTest,ShiftEndBackupTest' \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddrill.kills="$KILLS" -Dfuzz.scale="$SCALE" -Dfuzz.seed="$SEED" "$@" 2>&1 | tee "$LOG" || status=$?
echo
echo "================ drills: what was tried and what was found ================"
grep -E '^(drill|fuzz|two desks|log privacy):' "$LOG" || true
grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$LOG" | tail -1 || true
if grep -q 'BUILD SUCCESS' "$LOG"; then echo "drills: PASSED"; else echo "drills: FAILED (see $LOG)"; exit 1; fi
exit "$status"
