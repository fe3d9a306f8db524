package org.servicequality.ledger.command.deadlines;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * db-scheduler's table of pending executions. db-scheduler creates no tables: on H2 (the embedded default) and on
 * PostgreSQL it is created here when missing; on any other database it must already exist, and a missing table stops
 * the start-up at once instead of failing on every poll.
 */
final class DeadlineTable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTable.class);

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /**
     * Column set of db-scheduler 16 (its HSQLDB and PostgreSQL schemas; H2 2.x and PostgreSQL share this DDL but for
     * the binary type). Task data is a small JSON document kept inline as variable-length binary rather than in H2's
     * separate LOB storage, as for the event tables; PostgreSQL's {@code bytea} is inline (TOASTed when large) anyway.
     */
    static String ddl(String table, String binaryType) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (\n"
                + "task_name VARCHAR(255) NOT NULL,\n"
                + "task_instance VARCHAR(255) NOT NULL,\n"
                + "task_data " + binaryType + ",\n"
                + "execution_time TIMESTAMP WITH TIME ZONE NOT NULL,\n"
                + "picked BOOLEAN NOT NULL,\n"
                + "picked_by VARCHAR(255),\n"
                + "last_success TIMESTAMP WITH TIME ZONE,\n"
                + "last_failure TIMESTAMP WITH TIME ZONE,\n"
                + "consecutive_failures INT,\n"
                + "last_heartbeat TIMESTAMP WITH TIME ZONE,\n"
                + "version BIGINT NOT NULL,\n"
                + "priority SMALLINT,\n"
                + "PRIMARY KEY (task_name, task_instance))";
    }

    private DeadlineTable() {
    }

    static void ensureExists(DataSource dataSource, String table) throws SQLException {
        if (!PLAIN_NAME.matcher(table).matches()) {
            throw new IllegalStateException("db-scheduler.table-name '" + table + "' must be a plain SQL identifier");
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String binaryType = switch (product) {
                case "H2" -> "BINARY VARYING(16777216)";
                case "PostgreSQL" -> "BYTEA";
                default -> null;
            };
            if (binaryType != null) {
                statement.execute(ddl(table, binaryType));
                statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_execution_time_idx ON " + table + " (execution_time)");
                statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_last_heartbeat_idx ON " + table + " (last_heartbeat)");
                return;
            }
            try {
                statement.execute("SELECT task_name FROM " + table + " WHERE 1 = 0");
            } catch (SQLException missing) {
                throw new IllegalStateException("The deadline table '" + table + "' does not exist in the " + product
                        + " database. Create it with db-scheduler's DDL for " + product
                        + " (see docs/domain.md, section Working-day calendar and deadlines); this application creates it only on H2 and PostgreSQL.", missing);
            }
            log.debug("Deadline table {} found on {}", table, product);
        }
    }
}
