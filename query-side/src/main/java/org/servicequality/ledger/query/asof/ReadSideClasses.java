package org.servicequality.ledger.query.asof;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The query side's projections and query handlers, found among the application's beans, so that an as-of read side
 * runs exactly the classes the live one runs: a projection or query handler added later is included without a list
 * to keep up to date. Each is instantiated again on a private store and clock; that is why they may depend only on
 * the read-model store, the organisation clock and the query gateway, which this class checks when the application
 * starts rather than on the first as-of request.
 *
 * <p>Each processing group is a unit of its own: a query handler reads the documents of the projections of its package
 * (they are package-private), so it answers once that package's processing groups are rebuilt, and a view that asks only
 * the board and the scorecards never rebuilds the rankings.
 */
final class ReadSideClasses {

    private static final String QUERY_SIDE = "org.servicequality.ledger.query";
    private static final Set<Class<?>> INJECTABLE = Set.of(MongoTemplate.class, Clock.class, QueryGateway.class);

    private final Map<String, List<Constructor<?>>> projections = new TreeMap<>();
    private final Map<String, String> groupOfPackage = new HashMap<>();
    private final Map<String, List<Constructor<?>>> queryHandlers = new TreeMap<>();

    ReadSideClasses(ListableBeanFactory beans) {
        for (String name : beans.getBeanNamesForAnnotation(Component.class)) {
            Class<?> type = beans.getType(name);
            if (type == null) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            if (!type.getPackageName().startsWith(QUERY_SIDE + ".") || type.getPackageName().equals(getClass().getPackageName())) {
                continue;
            }
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            if (group != null) {
                projections.computeIfAbsent(group.value(), key -> new ArrayList<>()).add(constructorOf(type));
                String other = groupOfPackage.put(type.getPackageName(), group.value());
                if (other != null && !other.equals(group.value())) {
                    throw new IllegalStateException(type.getPackageName() + " holds projections of two processing groups, " + other
                            + " and " + group.value() + ": as-of views rebuild one group per package of query handlers");
                }
            } else if (Arrays.stream(type.getDeclaredMethods()).anyMatch(ReadSideClasses::isQueryHandler)) {
                queryHandlers.computeIfAbsent(type.getPackageName(), key -> new ArrayList<>()).add(constructorOf(type));
            }
        }
        if (projections.isEmpty() || queryHandlers.isEmpty()) {
            throw new IllegalStateException("No projections or query handlers of the query side found for as-of views");
        }
        for (String handlers : queryHandlers.keySet()) {
            if (!groupOfPackage.containsKey(handlers)) {
                throw new IllegalStateException("The query handlers of " + handlers + " have no projection in their package to answer from");
            }
        }
    }

    /** The processing groups, in a fixed order. */
    Set<String> groups() {
        return projections.keySet();
    }

    List<Object> projections(String group, MongoTemplate mongo, Clock clock, QueryGateway queries) {
        return instantiate(projections.get(group), mongo, clock, queries);
    }

    /** The query handlers that answer from the documents of {@code group}. */
    List<Object> queryHandlers(String group, MongoTemplate mongo, Clock clock, QueryGateway queries) {
        List<Object> handlers = new ArrayList<>();
        queryHandlers.forEach((packageName, constructors) -> {
            if (group.equals(groupOfPackage.get(packageName))) {
                handlers.addAll(instantiate(constructors, mongo, clock, queries));
            }
        });
        return handlers;
    }

    private static boolean isQueryHandler(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, QueryHandler.class);
    }

    private static Constructor<?> constructorOf(Class<?> type) {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1 || !INJECTABLE.containsAll(Arrays.asList(constructors[0].getParameterTypes()))) {
            throw new IllegalStateException(type.getName() + " cannot be rebuilt for as-of views: it needs one constructor"
                    + " taking only " + INJECTABLE.stream().map(Class::getSimpleName).sorted().toList());
        }
        return constructors[0];
    }

    private static List<Object> instantiate(List<Constructor<?>> constructors, MongoTemplate mongo, Clock clock, QueryGateway queries) {
        List<Object> instances = new ArrayList<>();
        for (Constructor<?> constructor : constructors) {
            Object[] arguments = Arrays.stream(constructor.getParameterTypes())
                    .map(type -> type == MongoTemplate.class ? mongo : type == Clock.class ? clock : queries)
                    .toArray();
            instances.add(BeanUtils.instantiateClass(constructor, arguments));
        }
        return instances;
    }
}
