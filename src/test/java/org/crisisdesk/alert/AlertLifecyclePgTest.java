package org.crisisdesk.alert;

import org.crisisdesk.testing.OnPostgres;

/** {@link AlertLifecycleTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class AlertLifecyclePgTest extends AlertLifecycleTest {}
