package org.servicequality.ledger.ops.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded event store as the configuration opens it: the settings its Javadoc gives reasons for are in force. */
class EmbeddedEventStoreSettingsTest {

    @TempDir
    Path root;

    @Test
    void commitsAreWrittenAtOnceAndParsedStatementsAreKept() throws Exception {
        try (DataDirectory directory = DataDirectory.lock(root);
             HikariDataSource dataSource = new EmbeddedStoresConfiguration().embeddedEventStoreDataSource(directory);
             Connection connection = dataSource.getConnection();
             ResultSet settings = connection.createStatement().executeQuery(
                     "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('WRITE_DELAY', 'QUERY_CACHE_SIZE')")) {
            Map<String, String> values = new HashMap<>();
            while (settings.next()) {
                values.put(settings.getString(1), settings.getString(2));
            }
            // Crash safety (docs/reliability.md): an acknowledged commit is on disk.
            assertThat(values).containsEntry("WRITE_DELAY", "0")
                    // More than the distinct statements of one command, so none is parsed again per command.
                    .containsEntry("QUERY_CACHE_SIZE", "64");
        }
    }
}
