package org.servicequality.ledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/**
 * The query side on its own, for the scaled-out mode: projections, query handlers, the query API and the board,
 * with read models and tracking tokens in MongoDB and events from Axon Server or the JDBC event store. Any number of
 * instances may run: they share each projection's segments. Its defaults are in {@code query-side.yml}, so they never
 * mix with the single-process launcher's {@code application.yml}.
 */
@SpringBootApplication
class QuerySideApplication {

    static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        // Axon reads this switch from system properties only.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
