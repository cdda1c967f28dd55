package org.crisisdesk.source.twitter;

import org.crisisdesk.testing.OnPostgres;

/** {@link XUsageTest} on a PostgreSQL team database. */
@OnPostgres
class XUsagePgTest extends XUsageTest {}
