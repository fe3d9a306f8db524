package org.servicequality.ledger.ops.embedded;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.function.LongPredicate;

/**
 * A fingerprint of the event store's contents: the number of events and a SHA-256 over every column of every
 * row of {@code DomainEventEntry} in global-index order. Two stores with the same digest hold the same history,
 * byte for byte; backups carry it so a restore can prove it brought back exactly what was backed up.
 */
public record EventStoreDigest(long events, long lastGlobalIndex, String sha256) {

    private static final String ROWS = "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "payloadType, payloadRevision, timeStamp, payload, metaData FROM DomainEventEntry ORDER BY globalIndex";

    public static EventStoreDigest of(Connection connection) throws SQLException {
        return of(connection, index -> true);
    }

    /** Only the rows whose global index passes {@code include}: a later store compared with an earlier copy of it. */
    public static EventStoreDigest of(Connection connection, LongPredicate include) throws SQLException {
        MessageDigest sha256 = newSha256();
        long events = 0;
        long last = -1;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(ROWS)) {
            while (rows.next()) {
                long globalIndex = rows.getLong(1);
                if (!include.test(globalIndex)) {
                    continue;
                }
                update(sha256, ByteBuffer.allocate(Long.BYTES).putLong(globalIndex).array());
                for (int column = 2; column <= 8; column++) {
                    String value = rows.getString(column);
                    update(sha256, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
                }
                update(sha256, rows.getBytes(9));
                update(sha256, rows.getBytes(10));
                events++;
                last = globalIndex;
            }
        }
        return new EventStoreDigest(events, last, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Length-prefixed, so that moving bytes from one column into the next changes the digest. */
    private static void update(MessageDigest sha256, byte[] value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha256.update(value);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
