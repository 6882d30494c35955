package io.netflixlakehouse.ingest.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the columns of one file's header map onto its dataset's schema, decided once per file by the
 * dataset's evolution mode: each header column is a field, rescued or ignored; schema columns the
 * header lacks are null fields.
 *
 * @param header the file's columns, in order
 * @param actions what to do with the value of each header column
 * @param hints the type hint of each header column (null: any text)
 * @param keyIndexes positions of the key columns in the header
 * @param missing schema columns absent from the header (null in every record)
 * @param newColumns header columns absent from the schema
 */
public record FileSchema(
        List<String> header, List<Action> actions, List<ColumnHint> hints, int[] keyIndexes,
        List<String> missing, List<String> newColumns) {

    /** What happens to a header column's values. */
    public enum Action {
        FIELD,
        RESCUE,
        IGNORE
    }

    /** The header's plan, or why the file cannot be read with this spec. */
    public sealed interface Plan {
    }

    /** @param schema the file's schema @param added columns to record in the schema history first (empty: none) */
    public record Accepted(FileSchema schema, List<String> added) implements Plan {
    }

    public record Refused(Failure why) implements Plan {
    }

    /**
     * Plans a file: duplicate or missing key columns are {@link Reason#INVALID_HEADER}; new columns are
     * handled by the spec's evolution mode.
     *
     * @param known the dataset's current schema (empty: none yet, the header becomes it)
     */
    public static Plan plan(DatasetSpec spec, List<String> known, List<String> header, long headerLine) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String column : header) {
            if (!seen.add(column)) {
                duplicates.add(column);
            }
        }
        if (!duplicates.isEmpty()) {
            return new Refused(new Failure(Reason.INVALID_HEADER, "(duplicate columns " + duplicates + ")", headerLine));
        }
        for (String column : header) {
            if (column.indexOf('\u0000') >= 0) {
                return new Refused(new Failure(Reason.NOT_CSV, "(binary content) at line " + headerLine, headerLine));
            }
        }
        List<String> missingKeys = spec.keyColumns().stream().filter(key -> !seen.contains(key)).toList();
        if (!missingKeys.isEmpty()) {
            return new Refused(new Failure(Reason.INVALID_HEADER, "(no key column " + String.join(", ", missingKeys)
                    + ") at line " + headerLine, headerLine));
        }
        List<String> newColumns = known.isEmpty() ? List.of()
                : header.stream().filter(column -> !known.contains(column)).toList();
        List<String> missing = known.stream().filter(column -> !seen.contains(column)).toList();
        List<String> added = known.isEmpty() ? List.copyOf(header) : List.of();
        Action forNew = Action.FIELD;
        if (!newColumns.isEmpty()) {
            switch (spec.evolution()) {
                case ADD_NEW_COLUMNS -> added = newColumns;
                case RESCUE -> forNew = Action.RESCUE;
                case NONE -> forNew = Action.IGNORE;
                case FAIL_ON_NEW_COLUMNS -> {
                    return new Refused(new Failure(Reason.NEW_COLUMNS, "(" + String.join(", ", newColumns)
                            + " not in the schema of dataset " + spec.name() + "; mode failOnNewColumns stops it) at line "
                            + headerLine, headerLine));
                }
                default -> throw new IllegalStateException("unhandled mode " + spec.evolution());
            }
        }
        List<Action> actions = new ArrayList<>();
        List<ColumnHint> hints = new ArrayList<>();
        for (String column : header) {
            actions.add(newColumns.contains(column) ? forNew : Action.FIELD);
            hints.add(spec.column(column).orElse(null));
        }
        int[] keyIndexes = spec.keyColumns().stream().mapToInt(header::indexOf).toArray();
        FileSchema schema = new FileSchema(List.copyOf(header), List.copyOf(actions), hints, keyIndexes,
                missing, newColumns);
        return new Accepted(schema, added);
    }

    /** The columns of the schema after this file's additions. */
    public static List<String> evolved(List<String> known, List<String> added) {
        List<String> columns = new ArrayList<>(known);
        added.stream().filter(column -> !columns.contains(column)).forEach(columns::add);
        return List.copyOf(columns);
    }
}
