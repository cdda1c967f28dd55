package org.crisisdesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The categories a fresh database starts with: the demo scenario's, so the boards are meaningful at once. */
public final class DefaultCategories {
    public static final String RESOURCE = "/scenarios/launch-weekend.categories.json";

    private DefaultCategories() {}

    public static void install(CategoryStore store) {
        try (InputStream in = DefaultCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                store.create("고객센터", "#5F3DC4", Category.Kind.CUSTOMER_CENTRE, Rules.NONE);
                return;
            }
            CategoryFile.read(in).forEach(spec -> store.create(spec.name(), spec.color(), spec.kind(), spec.rules()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
