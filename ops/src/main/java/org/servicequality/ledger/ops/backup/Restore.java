package org.servicequality.ledger.ops.backup;

import org.servicequality.ledger.ops.embedded.EventStoreDigest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code restore} command: unpacks a backup into a new data directory and proves, by digest, that the
 * directory now holds exactly the backed-up events. It never writes into a directory that holds anything.
 * The service started on it rebuilds its read models by replaying the events.
 */
public final class Restore {

    public record Result(Path directory, EventStoreDigest digest) {
    }

    private Restore() {
    }

    public static Result restore(Path backup, Path to) throws IOException, SQLException {
        Path directory = to.toAbsolutePath().normalize();
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException(directory + " is a file, not a directory");
            }
            try (Stream<Path> contents = Files.list(directory)) {
                if (contents.findAny().isPresent()) {
                    throw new IllegalStateException(directory + " is not empty; restore into a new or empty directory");
                }
            }
        }
        EventStoreDigest promised = BackupArchive.readManifest(backup);
        Files.createDirectories(directory);
        Path events = directory.resolve(BackupArchive.EVENT_STORE_ENTRY);
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry store = zip.getEntry(BackupArchive.EVENT_STORE_ENTRY);
            if (store == null) {
                throw new IllegalStateException(backup + " is not a ledger backup: it has no " + BackupArchive.EVENT_STORE_ENTRY);
            }
            try (InputStream in = zip.getInputStream(store)) {
                Files.copy(in, events);
            }
        }
        EventStoreDigest restored = BackupArchive.digestOfDirectory(directory);
        if (!restored.equals(promised)) {
            Files.delete(events);
            throw new IllegalStateException("The restored store holds " + restored + " but the backup's manifest says " + promised
                    + "; nothing was restored");
        }
        return new Result(directory, restored);
    }
}
