package org.crisisdesk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The categories-and-rules file ({@code crisisdesk-categories/1}, see docs/formats.md). */
public final class CategoryFile {
    public static final String FORMAT = "crisisdesk-categories/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CategoryFile() {}

    /** One category as the file describes it. */
    public record Spec(String name, String color, Category.Kind kind, Rules rules) {}

    /**
     * Reads and checks a categories file. Every problem is an {@link IOException} whose message names the category
     * and what is wrong (bad colour, invalid regular expression, duplicate name...), so an import changes nothing
     * unless the whole file is usable.
     */
    public static List<Spec> read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("Not a CrisisDesk categories file: malformed JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.path("categories").isArray()) {
            throw new IOException("Not a CrisisDesk categories file: no \"categories\" array");
        }
        String format = root.path("format").asText(FORMAT);
        if (!FORMAT.equals(format)) {
            throw new IOException("Unsupported categories file format \"" + format + "\" (this CrisisDesk reads "
                    + FORMAT + ")");
        }
        List<Spec> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("categories")) {
            i++;
            // every problem of the file is listed, not only the first (the file is fixed in one go)
            if (!c.isObject()) {
                problems.add("Category #" + i + " is not an object");
                continue;
            }
            String name;
            try {
                name = CategoryNames.clean(c.path("name").isTextual() ? c.get("name").asText() : null);
            } catch (IllegalArgumentException e) {
                problems.add("Category #" + i + ": " + e.getMessage());
                continue;
            }
            if (!seen.add(name)) {
                problems.add("Category \"" + name + "\" appears twice in the file");
                continue;
            }
            String color = c.path("color").asText(CategoryStore.DEFAULT_COLOR);
            if (!color.matches("#[0-9A-Fa-f]{6}")) {
                problems.add("Category \"" + name + "\": colour must look like #1A2B3C");
            }
            String kindText = c.path("kind").asText("topic").toLowerCase(Locale.ROOT);
            if (!kindText.equals("topic") && !kindText.equals("customer_centre")) {
                problems.add("Category \"" + name + "\": kind must be \"topic\" or \"customer_centre\"");
            }
            Category.Kind kind = kindText.equals("customer_centre") ? Category.Kind.CUSTOMER_CENTRE : Category.Kind.TOPIC;
            Rules rules;
            try {
                rules = new Rules(strings(name, c, "keywords"), strings(name, c, "regex"), strings(name, c, "exclude"));
            } catch (IOException e) {
                problems.add(e.getMessage());
                continue;
            }
            problems.addAll(RuleSet.problems(name, rules));
            out.add(new Spec(name, color, kind, rules));
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return out;
    }

    private static List<String> strings(String category, JsonNode c, String field) throws IOException {
        JsonNode array = c.path(field);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IOException("Category \"" + category + "\": \"" + field + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw new IOException("Category \"" + category + "\": \"" + field + "\" must be a list of strings");
            }
            String s = n.asText().replaceAll("[\\r\\n]+", " ").strip();
            if (!s.isEmpty() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Writes the categories (board order) as a {@code crisisdesk-categories/1} file; does not close {@code out}. */
    public static void write(List<Category> categories, OutputStream out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode arr = root.putArray("categories");
        for (Category c : categories) {
            ObjectNode o = arr.addObject();
            o.put("name", c.name());
            o.put("color", c.color());
            o.put("kind", c.customerCentre() ? "customer_centre" : "topic");
            c.rules().keywords().forEach(o.putArray("keywords")::add);
            ArrayNode re = o.putArray("regex");
            c.rules().regexes().forEach(re::add);
            ArrayNode ex = o.putArray("exclude");
            c.rules().exclusions().forEach(ex::add);
        }
        out.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        out.write('\n');
        out.flush();
    }
}
