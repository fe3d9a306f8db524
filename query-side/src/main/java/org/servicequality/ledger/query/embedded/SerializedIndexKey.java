package org.servicequality.ledger.query.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A key of one of the embedded store's unique indexes, held as the Java-serialized bytes H2 has always stored it as.
 * mongo-java-server's {@link KeyValue} is not {@link Comparable}, so H2's generic key type orders such keys by their
 * serialized bytes and serialized both keys again for every comparison, about 2 × log2(documents) serializations per
 * index lookup. Keeping the bytes serializes a key once per lookup and leaves the order, and so the existing files,
 * exactly as they were.
 */
final class SerializedIndexKey {

    private final byte[] serialized;
    private KeyValue keyValue;

    private SerializedIndexKey(byte[] serialized, KeyValue keyValue) {
        this.serialized = serialized;
        this.keyValue = keyValue;
    }

    static SerializedIndexKey of(KeyValue keyValue) {
        return new SerializedIndexKey(ObjectDataType.serialize(keyValue), keyValue);
    }

    static SerializedIndexKey stored(byte[] serialized) {
        return new SerializedIndexKey(serialized, null);
    }

    byte[] serialized() {
        return serialized;
    }

    /** Deserialized only for the few callers that walk an index (range queries), not for lookups. */
    synchronized KeyValue keyValue() {
        if (keyValue == null) {
            keyValue = (KeyValue) ObjectDataType.deserialize(serialized);
        }
        return keyValue;
    }
}
