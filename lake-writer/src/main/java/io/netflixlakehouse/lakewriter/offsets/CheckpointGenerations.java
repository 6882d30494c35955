package io.netflixlakehouse.lakewriter.offsets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The checkpoint generations of one table: {@code <checkpoint-root>/<table>/gen-N}, one per replay. */
public final class CheckpointGenerations {

    private static final Pattern GENERATION = Pattern.compile("gen-(\\d+)");

    private final Path tableCheckpointDir;

    public CheckpointGenerations(Path tableCheckpointDir) {
        this.tableCheckpointDir = tableCheckpointDir;
    }

    /** The newest generation folder on disk, if any. */
    public OptionalInt latest() {
        if (!Files.isDirectory(tableCheckpointDir)) {
            return OptionalInt.empty();
        }
        try (Stream<Path> children = Files.list(tableCheckpointDir)) {
            return children.filter(Files::isDirectory)
                    .map(p -> GENERATION.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoint generations in " + tableCheckpointDir, e);
        }
    }

    /** The folder of generation {@code n}. */
    public Path dir(int n) {
        return tableCheckpointDir.resolve("gen-" + n);
    }
}
