package org.servicequality.ledger.command.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keys in table {@code personal_data_key} of the same JDBC database as the event store, so the embedded
 * default needs nothing more and a PostgreSQL deployment backs both up alike. A destroyed key keeps its
 * row (with the time of destruction) so an auditor can see that erasure happened; only the material goes.
 * Portable SQL: text columns only, and the table is created when missing.
 *
 * <p>Erasure is two steps: the mark ({@link #markForDestruction}) joins the transaction that appends the
 * erasure event, since both use the same database; the material is removed once that commits. A crash in
 * between leaves a marked key, which the next start destroys.
 */
@Component
class JdbcPersonalDataKeyStore implements PersonalDataKeyStore {

    static final String TABLE = "personal_data_key";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    JdbcPersonalDataKeyStore(DataSource dataSource) {
        this(new JdbcTemplate(dataSource), Clock.systemUTC());
    }

    JdbcPersonalDataKeyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "key_id VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "key_material VARCHAR(128), "
                + "created_at VARCHAR(40) NOT NULL, "
                + "destruction_requested_at VARCHAR(40), "
                + "destroyed_at VARCHAR(40))");
        destroyMarkedKeys();
    }

    /** Finishes erasures whose destruction step was cut short by a crash. */
    private void destroyMarkedKeys() {
        jdbc.update("UPDATE " + TABLE + " SET key_material = NULL, destroyed_at = ? "
                + "WHERE destruction_requested_at IS NOT NULL AND key_material IS NOT NULL", clock.instant().toString());
    }

    @Override
    public String create(byte[] keyMaterial) {
        String keyId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO " + TABLE + " (key_id, key_material, created_at) VALUES (?, ?, ?)",
                keyId, Base64.getEncoder().encodeToString(keyMaterial), clock.instant().toString());
        return keyId;
    }

    @Override
    public Optional<byte[]> find(String keyId) {
        List<String> material = jdbc.queryForList(
                "SELECT key_material FROM " + TABLE + " WHERE key_id = ? AND key_material IS NOT NULL", String.class, keyId);
        return material.stream().findFirst().map(Base64.getDecoder()::decode);
    }

    @Override
    public void markForDestruction(String keyId) {
        jdbc.update("UPDATE " + TABLE + " SET destruction_requested_at = ? WHERE key_id = ? AND destruction_requested_at IS NULL",
                clock.instant().toString(), keyId);
    }

    @Override
    public void destroy(String keyId) {
        jdbc.update("UPDATE " + TABLE + " SET key_material = NULL, destroyed_at = ? WHERE key_id = ? AND key_material IS NOT NULL",
                clock.instant().toString(), keyId);
    }
}
