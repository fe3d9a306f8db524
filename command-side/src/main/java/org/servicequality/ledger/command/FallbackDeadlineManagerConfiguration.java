package org.servicequality.ledger.command;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Axon's Spring Boot support defines no deadline manager, yet aggregates take one as a handler
 * parameter. This auto-configuration runs after the application's own configuration and supplies an
 * in-memory one only when nothing else did: a persistent deadline manager defined anywhere in the
 * application replaces it, which is what production needs (in-memory deadlines are lost on restart).
 */
@AutoConfiguration
class FallbackDeadlineManagerConfiguration {

    @Bean
    @ConditionalOnMissingBean(DeadlineManager.class)
    DeadlineManager inMemoryDeadlineManager(Configuration configuration, TransactionManager transactionManager) {
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .transactionManager(transactionManager)
                .build();
    }
}
