package org.servicequality.ledger.query.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * The MVStore value type of the embedded store's documents: BSON, as mongo-java-server encodes documents on the wire,
 * instead of the Java serialization of H2's generic {@link ObjectDataType}. MVStore reads and writes whole pages, so
 * every document of a page is deserialized when one of them is read from the file and serialized again when one of
 * them changes; with Java serialization that was about half of the embedded server's CPU in a replay
 * (docs/benchmarks.md, "Found and fixed" 13).
 *
 * <p>A value is written as a tag no {@link ObjectDataType} value starts with, then the BSON document. Values written by
 * the stock backend, or by this one before it wrote BSON, are still read as they were, so an existing store opens and
 * changes over document by document as they are written again. A document BSON cannot hold (a value of a type the
 * wire protocol has no BSON for; documents arrive over the wire, so none is expected) is written as the stock type
 * writes it. The stock backend cannot read the BSON values: going back to a version without this type means
 * rebuilding the read models (README, Operations).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Above every tag {@link ObjectDataType} writes, the highest of which is 119 (a byte array of 15 bytes). */
    static final byte BSON = (byte) 0xC8;

    private final ObjectDataType stock = new ObjectDataType();

    /**
     * The heap a document takes, roughly, from its strings, binaries and entries. MVStore samples it to bound its page
     * cache and to decide when unsaved changes are to be written, and the embedded store commits by it
     * (docs/reliability.md, rule 4): a board entry of 130 KB or a snapshot's chunk of a megabyte must count as such,
     * or the cache holds many times its size (a service with {@code -Xmx512m} ran out of heap when this returned the
     * average stored size).
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
    }

    private static long memoryOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            long memory = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 32 + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            long memory = 40;
            for (Object element : values) {
                memory += 8 + memoryOf(element);
            }
            return memory;
        }
        if (value instanceof String text) {
            return 40 + 2L * text.length();
        }
        if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            stock.write(buffer, document);
            return;
        }
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) stock.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
