package org.servicequality.ledger.command.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the event store's table in a transaction that is rolled back afterwards: cursor-based streaming of large
 * results (PostgreSQL) needs a transaction, and a reader never writes.
 */
final class StoreReading {

    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private StoreReading() {
    }

    static <T> T read(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return work.on(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store: " + e.getMessage(), e);
        }
    }
}
