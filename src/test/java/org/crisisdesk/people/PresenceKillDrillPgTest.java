package org.crisisdesk.people;

import org.crisisdesk.testing.OnPostgres;

/** {@link PresenceKillDrillTest} on a PostgreSQL team database. */
@OnPostgres
class PresenceKillDrillPgTest extends PresenceKillDrillTest {}
