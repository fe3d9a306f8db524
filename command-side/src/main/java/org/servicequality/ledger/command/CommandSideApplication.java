package org.servicequality.ledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/**
 * The command side on its own, for the scaled-out mode: aggregates, deadlines and the command HTTP API, with events
 * in Axon Server or in a JDBC database, and idempotency keys and deadlines in that JDBC database. Its defaults are in
 * {@code command-side.yml}, so they never mix with the single-process launcher's {@code application.yml}.
 * Also the configuration that {@code @WebMvcTest} slices of the command API start from.
 */
@SpringBootApplication
class CommandSideApplication {

    static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        // Axon reads this switch from system properties only.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
