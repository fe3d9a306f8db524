package org.servicequality.ledger.ops.security;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Imported by {@link SecurityConfiguration}, so it comes and goes with it. */
class DepartmentScopeConfiguration implements WebMvcConfigurer {

    /** Looked up on first use: MVC configuration is built before Axon's event store is ready. */
    private final ObjectProvider<EventStore> events;

    DepartmentScopeConfiguration(ObjectProvider<EventStore> events) {
        this.events = events;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DepartmentScope(new CaseDepartments(events))).addPathPatterns("/api/**");
    }
}
