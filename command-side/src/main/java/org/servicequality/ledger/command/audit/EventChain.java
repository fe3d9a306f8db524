package org.servicequality.ledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evidence chain: every event's hash covers a canonical form of the event as stored and the hash
 * of the previous event of the same aggregate. Changing, removing or reordering any stored event breaks the
 * chain from that event on.
 *
 * <p>The canonical form is built from the stored bytes (the payload as serialized, so personal data is covered
 * as ciphertext and erasing a key never breaks the chain) and the stored metadata without the hash itself,
 * with its keys sorted so that the map's iteration order cannot matter.
 */
public final class EventChain {

    /** Metadata key under which each event carries its hash. */
    public static final String HASH_KEY = "eventHash";
    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private EventChain() {
    }

    /** What of a stored event the chain covers. */
    public record StoredEvent(String eventIdentifier,
                              String aggregateIdentifier,
                              long sequenceNumber,
                              String aggregateType,
                              String timestamp,
                              String payloadType,
                              String payloadRevision,
                              byte[] payload,
                              byte[] metaData) {
    }

    public static String hash(String previousHash, StoredEvent event) {
        String canonical = String.join("\n",
                previousHash,
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                Long.toString(event.sequenceNumber()),
                nullToEmpty(event.aggregateType()),
                event.timestamp(),
                event.payloadType(),
                nullToEmpty(event.payloadRevision()),
                Base64.getEncoder().encodeToString(event.payload()),
                canonicalMetaData(event.metaData()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The hash an event carries in its stored metadata, or {@code null} when it carries none. */
    public static String storedHash(byte[] metaData) {
        JsonNode hash = readMetaData(metaData).get(HASH_KEY);
        return hash == null || hash.isNull() ? null : hash.asText();
    }

    static String canonicalMetaData(byte[] metaData) {
        ObjectNode node = readMetaData(metaData);
        node.remove(HASH_KEY);
        try {
            Map<?, ?> sorted = CANONICAL_JSON.convertValue(node, TreeMap.class);
            return CANONICAL_JSON.writeValueAsString(sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readMetaData(byte[] metaData) {
        if (metaData == null || metaData.length == 0) {
            return CANONICAL_JSON.createObjectNode();
        }
        try {
            JsonNode node = CANONICAL_JSON.readTree(metaData);
            return node instanceof ObjectNode object ? object : CANONICAL_JSON.createObjectNode();
        } catch (IOException unreadable) {
            // Unreadable metadata is itself tampering: it hashes as its raw text, which no stored hash matches.
            ObjectNode raw = CANONICAL_JSON.createObjectNode();
            raw.put("unreadable", new String(metaData, StandardCharsets.UTF_8));
            return raw;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
