package org.crisisdesk.triage;

import org.crisisdesk.testing.OnPostgres;

/** {@link SimultaneousMovesTest} on one PostgreSQL team database. */
@OnPostgres
class SimultaneousMovesPgTest extends SimultaneousMovesTest {}
