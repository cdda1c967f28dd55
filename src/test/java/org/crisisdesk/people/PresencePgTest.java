package org.crisisdesk.people;

import org.crisisdesk.testing.OnPostgres;

/** {@link PresenceTest} on a PostgreSQL team database. */
@OnPostgres
class PresencePgTest extends PresenceTest {}
