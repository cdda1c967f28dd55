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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The categories-and-rules file ({@code crisisdesk-categories/1}, see docs/formats.md). */
public final class CategoryFile {
    public static final String FORMAT = "crisisdesk-categories/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CategoryFile() {}

    /** One category as the file describes it. */
    public record Spec(String name, String color, Category.Kind kind, Rules rules) {}

    public static List<Spec> read(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.path("categories").isArray()) {
            throw new IOException("Not a CrisisDesk categories file: no \"categories\" array");
        }
        List<Spec> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("categories")) {
            i++;
            String name;
            try {
                name = CategoryNames.clean(c.path("name").asText(null));
            } catch (IllegalArgumentException e) {
                throw new IOException("Category #" + i + ": " + e.getMessage(), e);
            }
            String color = c.path("color").asText(CategoryStore.DEFAULT_COLOR);
            if (!color.matches("#[0-9A-Fa-f]{6}")) {
                throw new IOException("Category \"" + name + "\": colour must look like #1A2B3C");
            }
            Category.Kind kind = "customer_centre".equals(c.path("kind").asText("topic").toLowerCase(Locale.ROOT))
                    ? Category.Kind.CUSTOMER_CENTRE
                    : Category.Kind.TOPIC;
            List<String> regexes = strings(c.path("regex"));
            for (String r : regexes) {
                try {
                    Pattern.compile(r);
                } catch (PatternSyntaxException e) {
                    throw new IOException("Category \"" + name + "\": invalid regular expression " + r, e);
                }
            }
            out.add(new Spec(name, color, kind, new Rules(strings(c.path("keywords")), regexes,
                    strings(c.path("exclude")))));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            String s = n.asText().replaceAll("[\\r\\n]+", " ").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

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
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }
}
