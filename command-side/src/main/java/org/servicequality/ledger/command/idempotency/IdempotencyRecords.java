package org.servicequality.ledger.command.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The table of idempotency keys, in the event store's own database. A key's row is inserted in the
 * same transaction as the events of the command it guards, so "events appended" and "key used" are
 * one fact: there is no moment in which a retry could append the events a second time.
 */
@Component
class IdempotencyRecords {

    static final int MAX_STORED_BODY = 65_536;

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void createTableIfMissing() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS idempotency_record ("
                + "idempotency_key VARCHAR(300) NOT NULL PRIMARY KEY, "
                + "fingerprint VARCHAR(64) NOT NULL, "
                + "recorded_at TIMESTAMP NOT NULL, "
                + "response_status INTEGER, "
                + "response_location VARCHAR(1000), "
                + "response_content_type VARCHAR(200), "
                + "response_body VARCHAR(" + MAX_STORED_BODY + "))");
    }

    Optional<IdempotencyRecord> find(String key) {
        return jdbc.query("SELECT fingerprint, response_status, response_location, response_content_type, response_body "
                        + "FROM idempotency_record WHERE idempotency_key = ?",
                (rs, row) -> new IdempotencyRecord(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                key).stream().findFirst();
    }

    /**
     * Claims the key inside the current transaction.
     *
     * @throws KeyAlreadyUsedException when another request holds the key already
     */
    void claim(String key, String fingerprint) {
        try {
            jdbc.update("INSERT INTO idempotency_record (idempotency_key, fingerprint, recorded_at) VALUES (?, ?, ?)",
                    key, fingerprint, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException raced) {
            throw new KeyAlreadyUsedException(key);
        }
    }

    /** Keeps the response of a completed request so a retry gets it back unchanged. */
    void complete(String key, String fingerprint, int status, String location, String contentType, String body) {
        int updated = jdbc.update("UPDATE idempotency_record SET response_status = ?, response_location = ?, "
                        + "response_content_type = ?, response_body = ? WHERE idempotency_key = ?",
                status, location, contentType, body, key);
        if (updated == 0) {
            // The request dispatched no command (nothing claimed the key); remember its response all the same.
            try {
                jdbc.update("INSERT INTO idempotency_record (idempotency_key, fingerprint, recorded_at, response_status, "
                                + "response_location, response_content_type, response_body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        key, fingerprint, Timestamp.from(Instant.now()), status, location, contentType, body);
            } catch (DuplicateKeyException raced) {
                // A concurrent retry stored it first; the first response stands.
            }
        }
    }

    record IdempotencyRecord(String fingerprint, Integer status, String location, String contentType, String body) {
        boolean completed() {
            return status != null;
        }
    }

    static class KeyAlreadyUsedException extends RuntimeException {
        KeyAlreadyUsedException(String key) {
            super("Idempotency key already in use: " + key);
        }
    }
}
