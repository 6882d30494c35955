package io.netflixlakehouse.ingest.landing;

import io.netflixlakehouse.contracts.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * A watcher's memory of what it announced (path or blob name to eTag), as a small JSON file per listed source, so a
 * restart does not announce the same file version again. Written to a temporary file and moved
 * into place atomically. Policy CORRUPT_STATE: an unreadable state file is set aside and the
 * watcher starts empty (files are announced again; record ids are deterministic, so downstream
 * de-duplicates).
 */
public final class AnnouncedStateStore {

    private static final Logger LOG = Logger.getLogger(AnnouncedStateStore.class);
    public static final String FILE_NAME = "landing-announced.json";

    private final Path file;

    private final String fileName;

    /** The landing folder's state file. */
    public AnnouncedStateStore(Path stateDir) {
        this(stateDir, FILE_NAME);
    }

    /** The state file of one listed source, e.g. {@code azure-primary-landing-announced.json}. */
    public AnnouncedStateStore(Path stateDir, String fileName) {
        this.fileName = fileName;
        this.file = stateDir.toAbsolutePath().normalize().resolve(fileName);
    }

    public Path file() {
        return file;
    }

    public Map<String, String> load() throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            State state = Json.mapper().readValue(file.toFile(), State.class);
            return state == null || state.announced() == null ? Map.of() : state.announced();
        } catch (IOException e) {
            Path aside = file.resolveSibling(fileName + ".corrupt");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warnf("CORRUPT_STATE: %s is unreadable (%s); moved to %s, starting empty", file, e.getMessage(), aside);
            return Map.of();
        }
    }

    public void save(Map<String, String> announced) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(fileName + ".tmp");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), new State(1, new TreeMap<>(announced)));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's shape. */
    public record State(int version, Map<String, String> announced) {
    }
}
