package org.servicequality.ledger.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single-process ledger: command side and query side together, on the embedded defaults unless a
 * MongoDB URI or a JDBC URL is configured.
 */
@SpringBootApplication(scanBasePackages = "org.servicequality.ledger")
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
