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
import java.util.List;
import java.util.Set;

/**
 * The query side's projections and query handlers, found among the application's beans, so that an as-of read side
 * runs exactly the classes the live one runs: a projection or query handler added later is included without a list
 * to keep up to date. Each is instantiated again on a private store and clock; that is why they may depend only on
 * the read-model store, the organisation clock and the query gateway, which this class checks when the application
 * starts rather than on the first as-of request.
 */
final class ReadSideClasses {

    private static final String QUERY_SIDE = "org.servicequality.ledger.query";
    private static final Set<Class<?>> INJECTABLE = Set.of(MongoTemplate.class, Clock.class, QueryGateway.class);

    private final List<Constructor<?>> projections = new ArrayList<>();
    private final List<Constructor<?>> queryHandlers = new ArrayList<>();

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
            if (AnnotatedElementUtils.hasAnnotation(type, ProcessingGroup.class)) {
                projections.add(constructorOf(type));
            } else if (Arrays.stream(type.getDeclaredMethods()).anyMatch(ReadSideClasses::isQueryHandler)) {
                queryHandlers.add(constructorOf(type));
            }
        }
        if (projections.isEmpty() || queryHandlers.isEmpty()) {
            throw new IllegalStateException("No projections or query handlers of the query side found for as-of views");
        }
    }

    List<Object> projections(MongoTemplate mongo, Clock clock, QueryGateway queries) {
        return instantiate(projections, mongo, clock, queries);
    }

    List<Object> queryHandlers(MongoTemplate mongo, Clock clock, QueryGateway queries) {
        return instantiate(queryHandlers, mongo, clock, queries);
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
