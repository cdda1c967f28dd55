package org.crisisdesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's labelled data for tests: the launch-weekend scenario joined with its labels on the fly (no labelled copy
 * is kept in the repository), the held-out set, and the demo categories with their rules.
 */
public final class DemoData {
    public static final Path SCENARIO = Path.of("assets/scenarios/launch-weekend.jsonl");
    public static final Path LABELS = Path.of("assets/scenarios/launch-weekend.labels.tsv");
    public static final Path CATEGORIES = Path.of("assets/scenarios/launch-weekend.categories.json");
    public static final Path HELDOUT = Path.of("src/test/resources/triage/heldout.jsonl");

    private DemoData() {}

    public static List<LabelledMentions.Labelled> scenario() {
        try {
            return LabelledMentions.read(SCENARIO, LABELS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<LabelledMentions.Labelled> heldout() {
        try {
            return LabelledMentions.read(HELDOUT, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<CategoryFile.Spec> rules() {
        try (InputStream in = Files.newInputStream(CATEGORIES)) {
            return CategoryFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo categories as an engine sees them, ids 1..8 in board order. */
    public static List<Category> categories() {
        List<Category> out = new ArrayList<>();
        long id = 1;
        for (CategoryFile.Spec s : rules()) {
            out.add(new Category(id, s.name(), s.color(), (int) id, s.kind(), false, s.rules()));
            id++;
        }
        return out;
    }

    public static long idOf(List<Category> categories, String name) {
        return categories.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }
}
