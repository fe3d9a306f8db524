package org.servicequality.ledger.ops.embedded;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * @param dataDir the data directory of the embedded defaults: event store, read models, lock file (created when missing;
 *                one process at a time)
 */
@ConfigurationProperties("ledger")
@Validated
record DataDirectoryProperties(@NotNull @DefaultValue("./data") Path dataDir) {
}
