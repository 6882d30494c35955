package io.netflixlakehouse.lakewriter.offsets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netflixlakehouse.contracts.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads and atomically rewrites {@code <checkpoint-root>/<table>/group-offsets.json}. */
public final class OffsetLedger {

    /** File name inside the table's checkpoint folder. */
    public static final String FILE_NAME = "group-offsets.json";

    private static final ObjectMapper MAPPER = Json.mapper();

    private final Path file;

    public OffsetLedger(Path tableCheckpointDir) {
        this.file = tableCheckpointDir.resolve(FILE_NAME);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The last recorded offsets, if any. An unreadable file fails with its path: it is never guessed around. */
    public Optional<RecordedOffsets> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            Map<String, Long> raw = MAPPER.convertValue(root.get("offsets"), new TypeReference<Map<String, Long>>() { });
            TreeMap<Integer, Long> offsets = new TreeMap<>();
            raw.forEach((p, o) -> offsets.put(Integer.valueOf(p), o));
            return Optional.of(new RecordedOffsets(
                    root.get("topic").asText(),
                    root.get("groupId").asText(),
                    root.get("generation").asInt(),
                    root.get("batchId").asLong(),
                    offsets));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read recorded group offsets " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file's content with {@code recorded} (write to a temp file, then atomic move). */
    public void write(RecordedOffsets recorded) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("topic", recorded.topic());
        root.put("groupId", recorded.groupId());
        root.put("generation", recorded.generation());
        root.put("batchId", recorded.batchId());
        ObjectNode offsets = root.putObject("offsets");
        recorded.offsets().forEach((p, o) -> offsets.put(String.valueOf(p), o));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write recorded group offsets " + file, e);
        }
    }
}
