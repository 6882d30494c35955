package io.netflixlakehouse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one dataset spec (YAML) and checks every field; a wrong value is an {@link InvalidSpec} that
 * names the file and the field. Unknown fields are refused too, so a misspelt option is not ignored.
 *
 * <pre>
 * name: titles
 * source: {container: landing, prefix: "", glob: "*titles*.csv"}
 * csv: {header: true, delimiter: ",", quote: "\"", escape: null, encoding: UTF-8, multiLine: true}
 * columns: {show_id: string, release_year: int, date_added: {type: date, format: "MMMM d, yyyy"}}
 * keyColumns: [show_id]
 * topic: netflix.titles.raw.v1
 * schemaEvolutionMode: addNewColumns
 * allowOverwrites: false
 * </pre>
 */
public final class DatasetSpecParser {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Set<String> TOP = Set.of(
            "name", "source", "csv", "columns", "keyColumns", "topic", "schemaEvolutionMode", "allowOverwrites");
    private static final Set<String> SOURCE = Set.of("container", "prefix", "glob");
    private static final Set<String> CSV = Set.of("header", "delimiter", "quote", "escape", "encoding", "multiLine");
    private static final Set<String> COLUMN = Set.of("type", "format");

    /** A spec that cannot be used, with the file and field in the message. */
    public static final class InvalidSpec extends RuntimeException {
        public InvalidSpec(String origin, String field, String problem) {
            super("dataset spec " + origin + (field == null ? "" : ", field " + field) + ": " + problem);
        }
    }

    /** @param origin the file name, for messages */
    public DatasetSpec parse(String origin, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidSpec(origin, null, "not valid YAML (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidSpec(origin, null, "not readable (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSpec(origin, null, "expected a mapping of name, source, csv, columns, keyColumns, topic ...");
        }
        onlyKnown(origin, "", root, TOP);
        String name = text(origin, "name", root.get("name"), true);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSpec(origin, "name", "'" + name + "' must be lower case letters, digits, _ or -");
        }
        SourceSpec source = source(origin, root.get("source"));
        CsvOptions csv = csv(origin, root.get("csv"));
        List<ColumnHint> columns = columns(origin, root.get("columns"));
        List<String> keys = keyColumns(origin, root.get("keyColumns"), columns);
        String topic = text(origin, "topic", root.get("topic"), true);
        if (!TOPIC.matcher(topic).matches()) {
            throw new InvalidSpec(origin, "topic", "'" + topic + "' is not a valid topic name");
        }
        EvolutionMode mode = EvolutionMode.ADD_NEW_COLUMNS;
        JsonNode modeNode = root.get("schemaEvolutionMode");
        if (modeNode != null && !modeNode.isNull()) {
            try {
                mode = EvolutionMode.parse(text(origin, "schemaEvolutionMode", modeNode, true));
            } catch (IllegalArgumentException e) {
                throw new InvalidSpec(origin, "schemaEvolutionMode", e.getMessage());
            }
        }
        boolean allowOverwrites = bool(origin, "allowOverwrites", root.get("allowOverwrites"), false);
        if (!csv.header() && columns.isEmpty()) {
            throw new InvalidSpec(origin, "columns", "a file without a header row needs its columns declared");
        }
        return new DatasetSpec(name, source, csv, columns, keys, topic, mode, allowOverwrites, origin);
    }

    private static SourceSpec source(String origin, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidSpec(origin, "source", "required: a mapping with container, prefix and glob");
        }
        onlyKnown(origin, "source.", node, SOURCE);
        String container = orDefault(text(origin, "source.container", node.get("container"), false), SourceSpec.LANDING);
        String prefix = orDefault(text(origin, "source.prefix", node.get("prefix"), false), "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (prefix.startsWith("/") || List.of(prefix.split("/")).contains("..")) {
            throw new InvalidSpec(origin, "source.prefix", "'" + prefix + "' must be relative, without ..");
        }
        String glob = text(origin, "source.glob", node.get("glob"), true);
        try {
            return new SourceSpec(container, prefix, glob);
        } catch (PatternSyntaxException e) {
            throw new InvalidSpec(origin, "source.glob", "'" + glob + "' is not a valid glob (" + e.getDescription() + ")");
        }
    }

    private static CsvOptions csv(String origin, JsonNode node) {
        CsvOptions d = CsvOptions.DEFAULT;
        if (node == null || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            throw new InvalidSpec(origin, "csv", "expected a mapping of header, delimiter, quote, escape, encoding, multiLine");
        }
        onlyKnown(origin, "csv.", node, CSV);
        boolean header = bool(origin, "csv.header", node.get("header"), d.header());
        char delimiter = character(origin, "csv.delimiter", node.get("delimiter"), d.delimiter());
        char quote = character(origin, "csv.quote", node.get("quote"), d.quote());
        JsonNode escapeNode = node.get("escape");
        Character escape = escapeNode == null || escapeNode.isNull() ? null : character(origin, "csv.escape", escapeNode, ' ');
        Charset encoding = d.encoding();
        String encodingName = text(origin, "csv.encoding", node.get("encoding"), false);
        if (encodingName != null) {
            try {
                encoding = Charset.forName(encodingName);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new InvalidSpec(origin, "csv.encoding", "unknown character set '" + encodingName + "'");
            }
        }
        boolean multiLine = bool(origin, "csv.multiLine", node.get("multiLine"), d.multiLine());
        if (delimiter == quote || escape != null && escape == delimiter) {
            throw new InvalidSpec(origin, "csv", "delimiter, quote and escape must differ");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new InvalidSpec(origin, "csv", "a line break cannot be a delimiter or quote");
        }
        return new CsvOptions(header, delimiter, quote, escape, encoding, multiLine);
    }

    private static List<ColumnHint> columns(String origin, JsonNode node) {
        List<ColumnHint> columns = new ArrayList<>();
        if (node == null || node.isNull()) {
            return columns;
        }
        if (!node.isObject()) {
            throw new InvalidSpec(origin, "columns", "expected a mapping of column name to type");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String field = "columns." + entry.getKey();
            if (entry.getKey().isBlank() || entry.getKey().startsWith("_")) {
                throw new InvalidSpec(origin, field, "a column name must not be blank or start with _ (reserved)");
            }
            JsonNode value = entry.getValue();
            String type;
            String format = null;
            if (value.isObject()) {
                onlyKnown(origin, field + ".", value, COLUMN);
                type = text(origin, field + ".type", value.get("type"), true);
                format = text(origin, field + ".format", value.get("format"), false);
            } else {
                type = text(origin, field, value, true);
            }
            try {
                ColumnType parsed = ColumnType.parse(type);
                if (format != null && parsed != ColumnType.DATE && parsed != ColumnType.TIMESTAMP) {
                    throw new InvalidSpec(origin, field + ".format", "only a date or timestamp has a format");
                }
                columns.add(new ColumnHint(entry.getKey(), parsed, format));
            } catch (IllegalArgumentException e) {
                throw new InvalidSpec(origin, field, e.getMessage());
            }
        }
        return columns;
    }

    private static List<String> keyColumns(String origin, JsonNode node, List<ColumnHint> columns) {
        List<String> keys = new ArrayList<>();
        if (node != null && node.isTextual()) {
            keys.add(node.asText());
        } else if (node != null && node.isArray()) {
            node.forEach(key -> keys.add(text(origin, "keyColumns", key, true)));
        }
        if (keys.isEmpty()) {
            throw new InvalidSpec(origin, "keyColumns", "required: at least one column, e.g. [show_id]");
        }
        if (!columns.isEmpty()) {
            List<String> names = columns.stream().map(ColumnHint::name).toList();
            for (String key : keys) {
                if (!names.contains(key)) {
                    throw new InvalidSpec(origin, "keyColumns", "'" + key + "' is not one of the columns " + names);
                }
            }
        }
        return keys;
    }

    private static void onlyKnown(String origin, String prefix, JsonNode node, Set<String> known) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new InvalidSpec(origin, prefix + field, "unknown field (expected one of " + known + ")");
            }
        });
    }

    private static String text(String origin, String field, JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidSpec(origin, field, "required");
            }
            return null;
        }
        if (!node.isValueNode() || node.getNodeType() == JsonNodeType.BINARY) {
            throw new InvalidSpec(origin, field, "expected a single value");
        }
        String text = node.asText();
        if (required && text.isBlank()) {
            throw new InvalidSpec(origin, field, "must not be blank");
        }
        return text;
    }

    private static boolean bool(String origin, String field, JsonNode node, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new InvalidSpec(origin, field, "expected true or false, was " + node.asText());
        }
        return node.booleanValue();
    }

    private static char character(String origin, String field, JsonNode node, char fallback) {
        String text = text(origin, field, node, false);
        if (text == null) {
            return fallback;
        }
        if (text.length() != 1) {
            throw new InvalidSpec(origin, field, "expected one character, was '" + text + "'");
        }
        return text.charAt(0);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
