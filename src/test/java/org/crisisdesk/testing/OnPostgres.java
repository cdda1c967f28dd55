package org.crisisdesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with every {@link TempDesk} home on its own PostgreSQL database instead of the home's H2 file.
 * The usual form is a subclass of an H2 test: {@code @OnPostgres class MentionStorePgTest extends MentionStoreTest {}}.
 * Without a server the class is skipped, with one line for the whole run; under CI=true that is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ExtendWith(PostgresExtension.class)
public @interface OnPostgres {}
