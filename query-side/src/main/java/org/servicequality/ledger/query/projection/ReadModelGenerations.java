package org.servicequality.ledger.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each projection's collections answers queries, and which one a rebuild is filling.
 *
 * <p>Generation 0 is the collections as they were always named ({@code board_departments}); generation N > 0 adds
 * {@code __gN} to each name and {@code @gN} to the processor's token name. A rebuild's processor marks its units of
 * work with the generation it fills, so its reads and writes go to the new collections while everything else (the
 * live processor, every query) goes to the active one. Switching is one write of the active generation here: the
 * live processor's tokens are then the rebuild's (the token store maps the name), queries read the new collections.
 * The state is kept in MongoDB ({@value #COLLECTION}), beside the read models and tokens, so a restart serves the
 * same generation and resumes an interrupted rebuild.
 */
final class ReadModelGenerations {

    static final String COLLECTION = "projection_generations";
    private static final String RESOURCE_PREFIX = ReadModelGenerations.class.getName() + ":";

    private final MongoCollection<Document> state;
    private final Map<Class<?>, String> groupOfType;
    private final Map<String, Integer> active = new ConcurrentHashMap<>();

    ReadModelGenerations(MongoDatabaseFactory databases, String basePackage) {
        this.state = databases.getMongoDatabase().getCollection(COLLECTION);
        this.groupOfType = readModelTypes(basePackage);
        for (Document group : state.find()) {
            active.put(group.getString("_id"), group.getInteger("active", 0));
        }
    }

    /** Every document class annotated {@link ReadModelOf} under the package, with its processing group. */
    private static Map<Class<?>, String> readModelTypes(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ReadModelOf.class));
        Map<Class<?>, String> types = new ConcurrentHashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ReadModelGenerations.class.getClassLoader());
            types.put(type, type.getAnnotation(ReadModelOf.class).value());
        }
        return types;
    }

    /** The processing groups whose read models can be rebuilt. */
    Set<String> groups() {
        return Collections.unmodifiableSet(new TreeSet<>(groupOfType.values()));
    }

    List<Class<?>> typesOf(String group) {
        List<Class<?>> types = new ArrayList<>();
        groupOfType.forEach((type, owner) -> {
            if (owner.equals(group)) {
                types.add(type);
            }
        });
        return types;
    }

    int active(String group) {
        return active.getOrDefault(group, 0);
    }

    /** The collection a read or write of this type goes to here and now (see the class comment). */
    String collectionName(Class<?> type, String baseName) {
        String group = groupOfType.get(ClassUtils.getUserClass(type));
        return group == null ? baseName : collectionName(baseName, targetGeneration(group));
    }

    static String collectionName(String baseName, int generation) {
        return generation == 0 ? baseName : baseName + "__g" + generation;
    }

    /** The name under which a generation's tracking tokens are stored. */
    static String tokenName(String group, int generation) {
        return generation == 0 ? group : group + "@g" + generation;
    }

    /** A live processor's tokens are those of its group's active generation; every other name is kept. */
    String tokenNameOfProcessor(String processorName) {
        return groupOfType.containsValue(processorName) ? tokenName(processorName, active(processorName)) : processorName;
    }

    /** Marks the unit of work (a rebuild processor's batch) as filling this generation of the group. */
    static void fill(UnitOfWork<?> unitOfWork, String group, int generation) {
        unitOfWork.root().resources().put(RESOURCE_PREFIX + group, generation);
    }

    private int targetGeneration(String group) {
        if (CurrentUnitOfWork.isStarted()) {
            Integer filling = CurrentUnitOfWork.get().root().getResource(RESOURCE_PREFIX + group);
            if (filling != null) {
                return filling;
            }
        }
        return active(group);
    }

    /** The rebuild in progress for the group, as stored: its id and generation. */
    Optional<Document> rebuilding(String group) {
        return Optional.ofNullable(state.find(new Document("_id", group)).first())
                .map(stored -> stored.get("rebuilding", Document.class));
    }

    /** The highest generation ever used by the group, active or abandoned. */
    int lastGeneration(String group) {
        Document stored = state.find(new Document("_id", group)).first();
        return stored == null ? 0 : stored.getInteger("lastGeneration", 0);
    }

    void startRebuilding(String group, int generation, String rebuildId) {
        save(group, active(group), new Document("generation", generation).append("rebuildId", rebuildId), generation);
    }

    void stopRebuilding(String group) {
        save(group, active(group), null, lastGeneration(group));
    }

    /** The switch: from now on queries and the live processor use this generation; survives a restart. */
    void activate(String group, int generation) {
        save(group, generation, null, Math.max(generation, lastGeneration(group)));
        active.put(group, generation);
    }

    private void save(String group, int activeGeneration, Document rebuilding, int lastGeneration) {
        state.replaceOne(new Document("_id", group), new Document("_id", group)
                        .append("active", activeGeneration)
                        .append("rebuilding", rebuilding)
                        .append("lastGeneration", lastGeneration),
                new ReplaceOptions().upsert(true));
    }
}
