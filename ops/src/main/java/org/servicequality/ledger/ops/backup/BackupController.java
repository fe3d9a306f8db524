package org.servicequality.ledger.ops.backup;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicequality.ledger.ops.embedded.DataDirectory;
import org.servicequality.ledger.ops.embedded.EventStoreDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Online backup of the embedded event store. The running service holds the data directory, so the backup is
 * taken by the service itself: H2's {@code BACKUP TO} copies the store while commands keep being written, and
 * the copy is transactionally consistent (it holds exactly the transactions committed when it was taken). The
 * answer is a zip with the store and a manifest of its digest, computed from the copy. Only callers on this
 * machine may ask: the backup holds the whole history.
 */
@RestController
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class BackupController {

    static final String EVENTS_HEADER = "Ledger-Backup-Events";
    static final String DIGEST_HEADER = "Ledger-Backup-Sha256";
    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    private final DataSource eventStore;
    private final DataDirectory dataDirectory;

    BackupController(DataSource eventStore, DataDirectory dataDirectory) {
        this.eventStore = eventStore;
        this.dataDirectory = dataDirectory;
    }

    @PostMapping("/api/ops/backup")
    void backup(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Backups are taken from the machine the service runs on (a loopback address).");
            problem.setTitle("Backup refused");
            problem.setProperty("rule", "backup.loopback-only");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        Path copy = dataDirectory.resolve(".backup-" + System.nanoTime() + ".zip");
        try {
            long started = System.nanoTime();
            try (Connection connection = eventStore.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
            }
            EventStoreDigest digest = BackupArchive.digestInside(copy);
            log.info("Backup of {} events taken in {} ms", digest.events(), (System.nanoTime() - started) / 1_000_000);
            response.setStatus(HttpStatus.OK.value());
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-backup.zip\"");
            response.setHeader(EVENTS_HEADER, Long.toString(digest.events()));
            response.setHeader(DIGEST_HEADER, digest.sha256());
            try (ZipFile h2Backup = new ZipFile(copy.toFile()); ZipOutputStream out = new ZipOutputStream(response.getOutputStream())) {
                ZipEntry store = h2Backup.getEntry(BackupArchive.EVENT_STORE_ENTRY);
                out.putNextEntry(new ZipEntry(BackupArchive.EVENT_STORE_ENTRY));
                try (InputStream in = h2Backup.getInputStream(store)) {
                    in.transferTo(out);
                }
                out.closeEntry();
                out.putNextEntry(new ZipEntry(BackupArchive.MANIFEST_ENTRY));
                out.write(BackupArchive.manifest(digest));
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
