package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key of {@code mention.suggested_category_id}, and with it (on H2) that column's index: a b-tree
 * every ingested mention paid for, on the crisis path (issue #8, figure 1), that no query reads. The key guarded
 * against deleting a category some suggestion names, but categories are archived, never deleted, and a merge moves
 * the suggestions of the merged category along with its mentions. The category a mention is filed in keeps its key.
 *
 * <p>A Java migration because the constraint's name is generated (H2: {@code CONSTRAINT_..}, PostgreSQL:
 * {@code mention_suggested_category_id_fkey}); it is looked up in the standard information schema.
 */
public class V82__suggestion_without_foreign_key extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT tc.constraint_name "
                + "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
                + "ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name "
                + "AND k.constraint_schema = tc.constraint_schema "
                + "WHERE tc.constraint_type = 'FOREIGN KEY' AND UPPER(tc.table_name) = 'MENTION' "
                + "AND UPPER(k.column_name) = 'SUGGESTED_CATEGORY_ID'");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("ALTER TABLE mention DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
