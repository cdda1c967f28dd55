package org.crisisdesk.people;

import org.crisisdesk.testing.OnPostgres;

/** {@link DeskKillDrillTest} on a PostgreSQL team database. */
@OnPostgres
class DeskKillDrillPgTest extends DeskKillDrillTest {}
