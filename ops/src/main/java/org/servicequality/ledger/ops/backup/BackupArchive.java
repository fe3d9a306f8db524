package org.servicequality.ledger.ops.backup;

import org.servicequality.ledger.ops.embedded.DataDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.servicequality.ledger.ops.embedded.EventStoreDigest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A backup file: a zip holding the event store's H2 file ({@value #EVENT_STORE_ENTRY}) and a manifest
 * ({@value #MANIFEST_ENTRY}) with the number of events and their {@link EventStoreDigest} at the backup point.
 * Read models are not in it: they are rebuilt from the events.
 */
final class BackupArchive {

    static final String EVENT_STORE_ENTRY = "events.mv.db";
    static final String MANIFEST_ENTRY = "ledger-backup.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupArchive() {
    }

    static byte[] manifest(EventStoreDigest digest) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.createObjectNode()
                .put("format", 1)
                .put("events", digest.events())
                .put("lastGlobalIndex", digest.lastGlobalIndex())
                .put("sha256", digest.sha256()));
    }

    static EventStoreDigest readManifest(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST_ENTRY);
            if (entry == null) {
                throw new IllegalStateException(archive + " is not a ledger backup: it has no " + MANIFEST_ENTRY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                JsonNode manifest = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return new EventStoreDigest(manifest.path("events").asLong(), manifest.path("lastGlobalIndex").asLong(),
                        manifest.path("sha256").asText());
            }
        }
    }

    /** Reads the event store inside a zip without unpacking it (H2 opens databases in zip files read-only). */
    static EventStoreDigest digestInside(Path archive) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:zip:" + archive.toAbsolutePath() + "!/events", "ledger", "")) {
            return EventStoreDigest.of(connection);
        }
    }

    static EventStoreDigest digestOfDirectory(Path dataDirectory) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                DataDirectory.eventStoreUrl(dataDirectory, ";ACCESS_MODE_DATA=r"), "ledger", "")) {
            return EventStoreDigest.of(connection);
        }
    }
}
