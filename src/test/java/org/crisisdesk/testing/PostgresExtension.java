package org.crisisdesk.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link OnPostgres}. */
public final class PostgresExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestPostgres.available() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + TestPostgres.ADMIN_URL);
        }
        String why = "PostgreSQL tests skipped: no server at " + TestPostgres.ADMIN_URL + " ("
                + TestPostgres.unavailableReason() + "); under CI=true this fails";
        if (TOLD.compareAndSet(false, true)) {
            System.err.println(why);
        }
        return ConditionEvaluationResult.disabled(why);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!TestPostgres.available()) {
            throw new IllegalStateException("CI=true and no PostgreSQL server at " + TestPostgres.ADMIN_URL + ": "
                    + TestPostgres.unavailableReason() + " (.ci/run starts or installs one)");
        }
        TempDesk.usePostgres(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TempDesk.usePostgres(false);
        TestPostgres.recycleAll();
    }
}
