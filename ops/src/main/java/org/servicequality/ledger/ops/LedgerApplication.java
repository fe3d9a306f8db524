package org.servicequality.ledger.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The single-process ledger: command side and query side together, on the embedded defaults unless a
 * MongoDB URI or a JDBC URL is configured.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.servicequality.ledger", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        // The launchers of each side on its own: this one assembles both sides' components itself.
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class)})
public class LedgerApplication {

    public static void main(String[] args) {
        if (OperatorCommands.handles(args)) {
            System.exit(OperatorCommands.run(args));
        }
        disableAxonUpdateChecker();
        SpringApplication.run(LedgerApplication.class, args);
    }

    /** Axon reads this switch from system properties only; these machines have no network to check with. */
    static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
