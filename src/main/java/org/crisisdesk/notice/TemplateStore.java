package org.crisisdesk.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Notice templates in the database. The shipped templates are written in on first use and can be edited (and reset
 * to their shipped text); a team's own templates can be added and removed. Each method is one transaction.
 */
public final class TemplateStore {
    private final Database db;
    private final Clock clock;

    public TemplateStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The templates of a language: the shipped ones first, then the team's, by name. */
    public List<Template> list(NoticeLang lang) {
        return db.inTransaction(c -> {
            seed(c);
            List<Template> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, lang, name, body, built_in FROM notice_template "
                    + "WHERE lang = ? ORDER BY built_in DESC, position, name")) {
                st.setString(1, lang.tag());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Template> find(NoticeLang lang, String name) {
        return list(lang).stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The template a new notice in this language starts with (the edited shipped standard). */
    public Template standard(NoticeLang lang) {
        Template shipped = Templates.standard(lang);
        return find(lang, shipped.name()).orElse(shipped);
    }

    /** Saves a template's text (creating a team template when the name is new). */
    public Template save(NoticeLang lang, String name, String body) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A template needs a name");
        }
        List<String> problems = NoticeRenderer.problems(body);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        return db.inTransaction(c -> {
            seed(c);
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE notice_template SET body = ?, updated_at = ? WHERE lang = ? AND name = ?")) {
                st.setString(1, body);
                Jdbc.setInstant(st, 2, clock.instant());
                st.setString(3, lang.tag());
                st.setString(4, clean);
                if (st.executeUpdate() == 0) {
                    insert(c, new Template(null, lang, clean, body, false), 100);
                }
            }
            return byName(c, lang, clean).orElseThrow();
        });
    }

    /** A shipped template back to its shipped text. */
    public Template reset(NoticeLang lang, String name) {
        Template shipped = Templates.builtIn(lang, name)
                .orElseThrow(() -> new IllegalArgumentException("\"" + name + "\" is not a shipped template"));
        return save(lang, name, shipped.body());
    }

    /** Removes a team template; shipped ones stay (reset them instead). */
    public void delete(NoticeLang lang, String name) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM notice_template WHERE lang = ? AND name = ? AND built_in = FALSE")) {
                st.setString(1, lang.tag());
                st.setString(2, name);
                st.executeUpdate();
            }
        });
    }

    private void seed(Connection c) throws SQLException {
        List<Template> shipped = Templates.builtIn();
        for (int i = 0; i < shipped.size(); i++) {
            Template t = shipped.get(i);
            if (byName(c, t.lang(), t.name()).isEmpty()) {
                insert(c, t, i);
            }
        }
    }

    private void insert(Connection c, Template t, int position) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO notice_template (lang, name, body, built_in, "
                + "position, updated_at) VALUES (?,?,?,?,?,?)")) {
            st.setString(1, t.lang().tag());
            st.setString(2, t.name());
            st.setString(3, t.body());
            st.setBoolean(4, t.builtIn());
            st.setInt(5, position);
            Jdbc.setInstant(st, 6, clock.instant());
            st.executeUpdate();
        }
    }

    private static Optional<Template> byName(Connection c, NoticeLang lang, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, lang, name, body, built_in FROM notice_template WHERE lang = ? AND name = ?")) {
            st.setString(1, lang.tag());
            st.setString(2, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Template read(ResultSet rs) throws SQLException {
        return new Template(rs.getLong("id"), NoticeLang.parse(rs.getString("lang")), rs.getString("name"),
                rs.getString("body"), rs.getBoolean("built_in"));
    }
}
