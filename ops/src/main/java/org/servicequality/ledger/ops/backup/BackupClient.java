package org.servicequality.ledger.ops.backup;

import org.servicequality.ledger.ops.embedded.EventStoreDigest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The {@code backup} command: asks a running service for an online backup and stores it in a file, checking on
 * the way that the file holds exactly the events its manifest names.
 */
public final class BackupClient {

    public record Result(Path file, EventStoreDigest digest) {
    }

    private BackupClient() {
    }

    /** @param authorization the {@code Authorization} header value of an ADMIN (backups are theirs), or null for none */
    public static Result backup(URI service, String authorization, Path to) throws IOException, InterruptedException, SQLException {
        Path file = to.toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " already exists; choose a new file name");
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve("/api/ops/backup")).POST(HttpRequest.BodyPublishers.noBody());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException nobodyThere) {
            throw new IllegalStateException("No service answers at " + service + "; is it running, and is that its port (--url)?",
                    nobodyThere);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The service at " + service + " answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            EventStoreDigest promised = BackupArchive.readManifest(partial);
            EventStoreDigest held = BackupArchive.digestInside(partial);
            if (!held.equals(promised)) {
                throw new IllegalStateException("The backup arrived damaged: it holds " + held + ", its manifest says " + promised);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Result(file, held);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
