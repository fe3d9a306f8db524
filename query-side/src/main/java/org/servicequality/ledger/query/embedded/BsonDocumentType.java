package org.servicequality.ledger.query.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

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
    /** The memory MVStore accounts a document: as the stock type did, the size it was last written at, on average. */
    private volatile int averageSize = 1_000;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            stock.write(buffer, document);
            return;
        }
        int size = bson.readableBytes();
        averageSize = (15 * averageSize + size) / 16;
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
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
