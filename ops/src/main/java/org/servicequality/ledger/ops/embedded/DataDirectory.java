package org.servicequality.ledger.ops.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one directory that holds everything the embedded runtime stores. It is locked for as long as the
 * process uses it: a second process started on it fails at once with a clear message, before it can
 * open (and corrupt) either store.
 *
 * <p>The lock file also records whether the last process stopped cleanly: it says {@code running} while a
 * process holds it and {@code stopped} once that process closed both stores. A start that finds
 * {@code running} knows the previous process was killed or crashed.
 */
public final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "ledger.lock";
    private static final String RUNNING = "running";
    private static final String STOPPED = "stopped";

    /** What the lock file said about the process that used the directory before this one. */
    public enum PreviousRun { NONE, STOPPED_CLEANLY, DID_NOT_STOP_CLEANLY }

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final PreviousRun previousRun;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock, PreviousRun previousRun) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.previousRun = previousRun;
    }

    /**
     * The JDBC URL of the embedded event store in a data directory, with extra H2 settings appended
     * (for example {@code ;ACCESS_MODE_DATA=r} for tools that only read it).
     */
    public static String eventStoreUrl(Path root, String settings) {
        return "jdbc:h2:file:" + root.toAbsolutePath().normalize().resolve("events") + settings;
    }

    /** The file H2 keeps the embedded event store in. */
    public static Path eventStoreFile(Path root) {
        return root.toAbsolutePath().normalize().resolve("events.mv.db");
    }

    public static DataDirectory lock(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            FileChannel channel = FileChannel.open(absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(absolute);
            }
            PreviousRun previousRun = switch (read(channel)) {
                case RUNNING -> PreviousRun.DID_NOT_STOP_CLEANLY;
                case STOPPED -> PreviousRun.STOPPED_CLEANLY;
                default -> PreviousRun.NONE;
            };
            write(channel, RUNNING);
            return new DataDirectory(absolute, channel, lock, previousRun);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data directory " + absolute, e);
        }
    }

    public PreviousRun previousRun() {
        return previousRun;
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() throws IOException {
        write(lockChannel, STOPPED);
        lock.release();
        lockChannel.close();
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    /** Forced to disk, so that "stopped" is only ever seen after both stores were closed. */
    private static void write(FileChannel channel, String state) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((state + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
    }
}
