package org.servicequality.ledger.query.projection;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The read models' MongoTemplate: every operation naming a document class goes to the collection of the generation
 * that applies here and now (a rebuild's batch: the generation it fills; anything else: the active one). MongoTemplate
 * resolves the collection of every class-based operation through {@link #getCollectionName(Class)}.
 */
final class GenerationalMongoTemplate extends MongoTemplate {

    private final ReadModelGenerations generations;

    GenerationalMongoTemplate(MongoDatabaseFactory databases, MongoConverter converter, ReadModelGenerations generations) {
        super(databases, converter);
        this.generations = generations;
    }

    @Override
    public String getCollectionName(Class<?> entityClass) {
        return generations.collectionName(entityClass, super.getCollectionName(entityClass));
    }

    /** Also forgets the collection's documents kept between batches; a class-based drop comes here too. */
    @Override
    public void dropCollection(String collectionName) {
        super.dropCollection(collectionName);
        PendingReadModelWrites.collectionDropped(this, collectionName);
    }
}
