package org.servicequality.ledger.ops.embedded;

import java.nio.file.Path;

public class DataDirectoryInUseException extends RuntimeException {

    private final transient Path directory;

    DataDirectoryInUseException(Path directory) {
        super("Data directory " + directory + " is already in use by another Service Quality Ledger process");
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }
}
