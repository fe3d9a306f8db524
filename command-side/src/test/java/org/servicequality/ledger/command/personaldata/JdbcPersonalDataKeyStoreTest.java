package org.servicequality.ledger.command.personaldata;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcPersonalDataKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-07-01T01:30:00Z");

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;
    private JdbcPersonalDataKeyStore store;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        store = new JdbcPersonalDataKeyStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesAndFindsKeyMaterialUnderANewId() {
        byte[] material = bytes(32, 7);
        String keyId = store.create(material);

        assertThat(store.find(keyId)).hasValueSatisfying(found -> assertThat(found).isEqualTo(material));
    }

    @Test
    void everyKeyGetsItsOwnId() {
        assertThat(store.create(bytes(32, 1))).isNotEqualTo(store.create(bytes(32, 1)));
    }

    @Test
    void anUnknownKeyIsNotFound() {
        assertThat(store.find("no-such-key")).isEmpty();
    }

    @Test
    void aDestroyedKeyIsGoneButItsDestructionIsOnRecord() {
        String keyId = store.create(bytes(32, 9));
        store.destroy(keyId);

        assertThat(store.find(keyId)).isEmpty();
        Map<String, Object> row = jdbc.queryForMap("SELECT key_material, created_at, destroyed_at FROM personal_data_key WHERE key_id = ?", keyId);
        assertThat(row.get("KEY_MATERIAL")).isNull();
        assertThat(row.get("CREATED_AT")).isEqualTo(NOW.toString());
        assertThat(row.get("DESTROYED_AT")).isEqualTo(NOW.toString());
    }

    @Test
    void destroyingOneKeyLeavesTheOthers() {
        String erased = store.create(bytes(32, 1));
        String kept = store.create(bytes(32, 2));
        store.destroy(erased);

        assertThat(store.find(kept)).isPresent();
    }

    @Test
    void destroyingTwiceOrAnUnknownKeyDoesNothing() {
        String keyId = store.create(bytes(32, 3));
        store.destroy(keyId);
        store.destroy(keyId);
        store.destroy("no-such-key");

        assertThat(store.find(keyId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Integer.class)).isEqualTo(1);
    }

    @Test
    void theTableSurvivesASecondStartOnTheSameDatabase() {
        String keyId = store.create(bytes(32, 4));
        JdbcPersonalDataKeyStore restarted = new JdbcPersonalDataKeyStore(jdbc, Clock.systemUTC());

        assertThat(restarted.find(keyId)).isPresent();
    }

    @Test
    void aMarkedKeyIsStillReadableUntilDestroyed() {
        String keyId = store.create(bytes(32, 5));
        store.markForDestruction(keyId);

        assertThat(store.find(keyId)).isPresent();
        store.destroy(keyId);
        assertThat(store.find(keyId)).isEmpty();
    }

    /** The process died after the erasure event committed but before the key was destroyed. */
    @Test
    void theNextStartDestroysKeysMarkedBeforeACrash() {
        String marked = store.create(bytes(32, 6));
        String untouched = store.create(bytes(32, 7));
        store.markForDestruction(marked);

        JdbcPersonalDataKeyStore restarted = new JdbcPersonalDataKeyStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(restarted.find(marked)).isEmpty();
        assertThat(restarted.find(untouched)).isPresent();
    }

    /** The mark shares the transaction of the erasure event: if that rolls back, nothing is destroyed later. */
    @Test
    void aMarkInARolledBackTransactionIsUndone() {
        String keyId = store.create(bytes(32, 8));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            store.markForDestruction(keyId);
            status.setRollbackOnly();
        });

        JdbcPersonalDataKeyStore restarted = new JdbcPersonalDataKeyStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(restarted.find(keyId)).isPresent();
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
