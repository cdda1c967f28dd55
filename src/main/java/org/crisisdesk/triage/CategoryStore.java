package org.crisisdesk.triage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.mention.CategoryCountStore;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/** Categories in the database. Each method is one transaction. */
public final class CategoryStore {
    public static final String DEFAULT_COLOR = "#868E96";

    private final Database db;
    private final Clock clock;

    public CategoryStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Active categories in board order. */
    public List<Category> active() {
        return db.inTransaction(c -> query(c, "SELECT * FROM category WHERE archived = FALSE ORDER BY position, id"));
    }

    /** All categories, archived included, in board order. */
    public List<Category> all() {
        return db.inTransaction(c -> query(c, "SELECT * FROM category ORDER BY position, id"));
    }

    public Optional<Category> byName(String name) {
        return db.inTransaction(c -> byName(c, name));
    }

    public Optional<Category> byId(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM category WHERE id = ?")) {
                st.setLong(1, id);
                return first(st);
            }
        });
    }

    /** The category with this name, created (as a topic, at the end of the board) if missing. */
    public Category ensure(String name) {
        String clean = CategoryNames.clean(name);
        return db.inTransaction(c -> {
            Optional<Category> existing = byName(c, clean);
            return existing.isPresent() ? existing.get() : insert(c, clean, DEFAULT_COLOR, Category.Kind.TOPIC, Rules.NONE);
        });
    }

    public Category create(String name, String color, Category.Kind kind, Rules rules) {
        String clean = CategoryNames.clean(name);
        return db.inTransaction(c -> {
            if (byName(c, clean).isPresent()) {
                throw new IllegalArgumentException("A category named \"" + clean + "\" already exists");
            }
            Category made = insert(c, clean, color, kind, rules);
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, made.id());
            return made;
        });
    }

    /** What {@link #importSpecs} did, by category name. */
    public record ImportResult(List<String> created, List<String> updated, List<String> restored,
            List<String> unchanged) {}

    /**
     * Merges a categories file into the board in one transaction: a category is matched by name (a customer-centre
     * entry falls back to the existing customer-centre column); a match gets the file's colour and rules (its name,
     * kind and position stay, and an archived one is restored), a missing one is created at the end of the board.
     * Categories the file does not name are left alone.
     */
    public ImportResult importSpecs(List<CategoryFile.Spec> specs) {
        return db.inTransaction(c -> {
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> restored = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (CategoryFile.Spec spec : specs) {
                Optional<Category> existing = byName(c, spec.name());
                if (existing.isEmpty() && spec.kind() == Category.Kind.CUSTOMER_CENTRE) {
                    existing = query(c, "SELECT * FROM category WHERE kind = 'CUSTOMER_CENTRE' ORDER BY archived, id")
                            .stream().findFirst();
                }
                if (existing.isEmpty()) {
                    insert(c, spec.name(), spec.color(), spec.kind(), spec.rules());
                    created.add(spec.name());
                    continue;
                }
                Category old = existing.get();
                if (old.color().equalsIgnoreCase(spec.color()) && old.rules().equals(spec.rules()) && !old.archived()) {
                    unchanged.add(old.name());
                    continue;
                }
                try (PreparedStatement st = c.prepareStatement("UPDATE category SET color = ?, keywords = ?, "
                        + "regexes = ?, exclusions = ?, archived = FALSE WHERE id = ?")) {
                    st.setString(1, spec.color());
                    st.setString(2, Rules.join(spec.rules().keywords()));
                    st.setString(3, Rules.join(spec.rules().regexes()));
                    st.setString(4, Rules.join(spec.rules().exclusions()));
                    st.setLong(5, old.id());
                    st.executeUpdate();
                }
                (old.archived() ? restored : updated).add(old.name());
            }
            return new ImportResult(created, updated, restored, unchanged);
        });
    }

    // ---- edits from the boards (rename, recolour, rules, order, archive); each one transaction, synced to disk ----

    public Category rename(long id, String newName) {
        String clean = cleanName(newName);
        Category renamed = db.inTransaction(c -> {
            Category cat = existing(c, id);
            Optional<Category> other = byName(c, clean);
            if (other.isPresent() && other.get().id() != id) {
                throw new TriageException(TriageException.Problem.NAME_TAKEN,
                        "A category named \"" + clean + "\" already exists", clean);
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE category SET name = ? WHERE id = ?")) {
                st.setString(1, clean);
                st.setLong(2, id);
                st.executeUpdate();
            }
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, id);
            return new Category(id, clean, cat.color(), cat.position(), cat.kind(), cat.archived(), cat.rules());
        });
        db.syncToDisk();
        return renamed;
    }

    public Category recolour(long id, String color) {
        String clean = cleanColour(color);
        Category recoloured = db.inTransaction(c -> {
            Category cat = existing(c, id);
            try (PreparedStatement st = c.prepareStatement("UPDATE category SET color = ? WHERE id = ?")) {
                st.setString(1, clean);
                st.setLong(2, id);
                st.executeUpdate();
            }
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, id);
            return new Category(id, cat.name(), clean, cat.position(), cat.kind(), cat.archived(), cat.rules());
        });
        db.syncToDisk();
        return recoloured;
    }

    /** Replaces the category's rules; check them first with {@link RulesInput}. */
    public Category updateRules(long id, Rules rules) {
        Category updated = db.inTransaction(c -> {
            Category cat = existing(c, id);
            setRules(c, id, rules);
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, id);
            return new Category(id, cat.name(), cat.color(), cat.position(), cat.kind(), cat.archived(), rules);
        });
        db.syncToDisk();
        return updated;
    }

    /** Puts the listed categories first, in that order; the others follow in their old order. Renumbers 1..n. */
    public void reorder(List<Long> idsInOrder) {
        db.inTransactionVoid(c -> {
            java.util.LinkedHashSet<Long> order = new java.util.LinkedHashSet<>(idsInOrder);
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM category ORDER BY position, id");
                    ResultSet rs = st.executeQuery()) {
                List<Long> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(rs.getLong(1));
                }
                order.retainAll(all);
                order.addAll(all);
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE category SET position = ? WHERE id = ?")) {
                int p = 1;
                for (Long id : order) {
                    st.setInt(1, p++);
                    st.setLong(2, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, (Long) null);
        });
        db.syncToDisk();
    }

    /**
     * Archives a topic: it leaves the boards, its mentions stay filed under it (history, counts and handover reports
     * keep their meaning). The customer centre is fixed and cannot be archived.
     */
    public Category archive(long id) {
        Category archived = db.inTransaction(c -> {
            Category cat = existing(c, id);
            if (cat.customerCentre()) {
                throw new TriageException(TriageException.Problem.FIXED_CATEGORY,
                        "The customer centre cannot be archived", cat.name());
            }
            setArchived(c, id);
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, id);
            return new Category(id, cat.name(), cat.color(), cat.position(), cat.kind(), true, cat.rules());
        });
        db.syncToDisk();
        return archived;
    }

    static String cleanName(String raw) {
        try {
            return CategoryNames.clean(raw);
        } catch (IllegalArgumentException e) {
            throw new TriageException(TriageException.Problem.BAD_NAME, e.getMessage(), e.getMessage());
        }
    }

    static String cleanColour(String color) {
        if (color == null || !color.strip().matches("#[0-9A-Fa-f]{6}")) {
            throw new TriageException(TriageException.Problem.BAD_COLOUR, "A colour must look like #1A2B3C",
                    String.valueOf(color));
        }
        return color.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Category existing(Connection c, long id) throws SQLException {
        return byId(c, id).orElseThrow(() -> new TriageException(TriageException.Problem.NO_SUCH_CATEGORY,
                "No category with id " + id));
    }

    static Optional<Category> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM category WHERE id = ?")) {
            st.setLong(1, id);
            return first(st);
        }
    }

    static void setRules(Connection c, long id, Rules rules) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE category SET keywords = ?, regexes = ?, exclusions = ? WHERE id = ?")) {
            st.setString(1, Rules.join(rules.keywords()));
            st.setString(2, Rules.join(rules.regexes()));
            st.setString(3, Rules.join(rules.exclusions()));
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    static void setArchived(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE category SET archived = TRUE WHERE id = ?")) {
            st.setLong(1, id);
            st.executeUpdate();
        }
    }

    public boolean isEmpty() {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM category");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    private Category insert(Connection c, String name, String color, Category.Kind kind, Rules rules)
            throws SQLException {
        int position;
        try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(MAX(position), 0) + 1 FROM category");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            position = rs.getInt(1);
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO category (name, color, position, kind, archived, "
                + "keywords, regexes, exclusions, created_at) VALUES (?,?,?,?,FALSE,?,?,?,?)", new String[] {"id"})) {
            st.setString(1, name);
            st.setString(2, color);
            st.setInt(3, position);
            st.setString(4, kind.name());
            st.setString(5, Rules.join(rules.keywords()));
            st.setString(6, Rules.join(rules.regexes()));
            st.setString(7, Rules.join(rules.exclusions()));
            Jdbc.setInstant(st, 8, clock.instant());
            st.executeUpdate();
            long id;
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            CategoryCountStore.created(c, id);
            return new Category(id, name, color, position, kind, false, rules);
        }
    }

    static Optional<Category> byName(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM category WHERE name = ?")) {
            st.setString(1, name);
            return first(st);
        }
    }

    private static Optional<Category> first(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private static List<Category> query(Connection c, String sql) throws SQLException {
        List<Category> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    static Category read(ResultSet rs) throws SQLException {
        return new Category(rs.getLong("id"), rs.getString("name"), rs.getString("color"), rs.getInt("position"),
                Category.Kind.valueOf(rs.getString("kind")), rs.getBoolean("archived"),
                new Rules(Rules.split(rs.getString("keywords")), Rules.split(rs.getString("regexes")),
                        Rules.split(rs.getString("exclusions"))));
    }
}
