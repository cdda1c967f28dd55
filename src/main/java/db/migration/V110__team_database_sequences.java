package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The one place where the schema differs between H2 and PostgreSQL (issue 21): V70 gave the mention and assignment
 * identities a cache of 100,000 values for H2's ingest speed. PostgreSQL caches per session, so on a team database
 * each pooled connection of each desk would draw from its own block of 100,000 and a mention stored later could get a
 * smaller pk than one stored before it, while the boards read "newest" as the highest pk. On PostgreSQL every
 * identity goes back to a cache of 1 (a nextval is cheap there); on H2 this migration does nothing.
 *
 * <p>A Java migration because V70 cannot change: H2 databases in the field have its checksum applied.
 */
public class V110__team_database_sequences extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        List<String> sequences = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT schemaname, sequencename FROM pg_sequences "
                        + "WHERE schemaname = current_schema() AND cache_size > 1")) {
            while (rs.next()) {
                sequences.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String s : sequences) {
                st.execute("ALTER SEQUENCE " + s + " CACHE 1");
            }
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
