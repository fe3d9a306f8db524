package org.servicequality.ledger.query.embedded;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The MVStore key type of the embedded store's unique indexes: reads and writes exactly the bytes H2's generic
 * {@link ObjectDataType} wrote for a {@code KeyValue} (a tag for "serialized Java object", the length, the serialized
 * object) and orders keys as it did, by those bytes compared unsigned, so files written before and after it are the
 * same files.
 */
final class SerializedIndexKeyType extends BasicDataType<SerializedIndexKey> {

    /** ObjectDataType.TYPE_SERIALIZED_OBJECT, package-private in H2. */
    static final byte SERIALIZED_OBJECT = 19;

    @Override
    public int compare(SerializedIndexKey a, SerializedIndexKey b) {
        return Arrays.compareUnsigned(a.serialized(), b.serialized());
    }

    @Override
    public int getMemory(SerializedIndexKey key) {
        // the bytes, the key's object and, once a walk has needed it, the deserialized key beside them
        return 2 * key.serialized().length + 32;
    }

    @Override
    public void write(WriteBuffer buffer, SerializedIndexKey key) {
        byte[] serialized = key.serialized();
        buffer.put(SERIALIZED_OBJECT).putVarInt(serialized.length).put(serialized);
    }

    @Override
    public SerializedIndexKey read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag != SERIALIZED_OBJECT) {
            throw new IllegalStateException("An index key of the embedded read-model store has type tag " + tag
                    + ", not " + SERIALIZED_OBJECT + " (a serialized KeyValue): the file was not written by mongo-java-server's H2 backend");
        }
        byte[] serialized = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(serialized);
        return SerializedIndexKey.stored(serialized);
    }

    @Override
    public SerializedIndexKey[] createStorage(int size) {
        return new SerializedIndexKey[size];
    }
}
