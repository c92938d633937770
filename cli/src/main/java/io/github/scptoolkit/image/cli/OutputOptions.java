package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code -f/--format} and {@code -c/--column}, as {@code openstack} has them: {@code json} (the
 * server's body as received, order and unknown fields kept; with {@code -c}, an object of those
 * fields), {@code yaml}, {@code table} (two columns, Field and Value, for one resource; one column
 * per field for a list) and {@code value} (values only: one per line for a resource, one row per
 * line for a list). Nested values are written as compact JSON in {@code table} and {@code value}.
 *
 * <pre>
 * scp-image show &lt;id&gt; -f value -c name           # imagename
 * scp-image show &lt;id&gt; -f table -c id -c status
 * </pre>
 */
final class OutputOptions {

    /** The output formats. */
    enum Format {
        json, yaml, table, value
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = {"-f", "--format"}, paramLabel = "<format>",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-c", "--column"}, paramLabel = "<field>",
            description = "A field to show (repeat for more; default: all, in the server's order).")
    List<String> columns = new ArrayList<>();

    /** A field asked for with {@code -c} that the answer does not have: a usage error listing those it has. */
    static CommandLine.ParameterException unknownField(CommandLine cli, String field, Iterable<String> known) {
        List<String> names = new ArrayList<>();
        known.forEach(names::add);
        return new CommandLine.ParameterException(cli, "-c " + field + ": the answer has no field '" + field
                + "'; its fields: " + String.join(", ", names));
    }

    /**
     * Prints one resource: {@code raw} is the body as received (printed as is for {@code json}
     * without {@code -c}).
     */
    void printObject(CommandLine cli, PrintWriter out, Format format, byte[] raw, ObjectNode object)
            throws JsonProcessingException {
        ObjectNode shown = select(cli, object);
        switch (format) {
            case json -> {
                if (columns.isEmpty()) {
                    String body = new String(raw, StandardCharsets.UTF_8);
                    out.print(body.endsWith("\n") ? body : body + "\n");
                } else {
                    out.println(JSON.writeValueAsString(shown));
                }
            }
            case yaml -> out.print(Yaml.write(shown));
            case value -> shown.forEach(v -> out.println(text(v)));
            case table -> {
                List<String[]> rows = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    rows.add(new String[] {f.getKey(), text(f.getValue())});
                }
                table(out, new String[] {"Field", "Value"}, rows);
            }
            default -> throw new IllegalStateException(format.name());
        }
    }

    /** Prints a list of rows (objects with the same fields); {@code raw} is the document as received. */
    void printRows(CommandLine cli, PrintWriter out, Format format, byte[] raw, List<ObjectNode> rows)
            throws JsonProcessingException {
        List<ObjectNode> shown = new ArrayList<>();
        for (ObjectNode row : rows) {
            shown.add(select(cli, row));
        }
        switch (format) {
            case json -> {
                if (columns.isEmpty()) {
                    String body = new String(raw, StandardCharsets.UTF_8);
                    out.print(body.endsWith("\n") ? body : body + "\n");
                } else {
                    ArrayNode array = JSON.createArrayNode();
                    shown.forEach(array::add);
                    out.println(JSON.writeValueAsString(array));
                }
            }
            case yaml -> {
                ArrayNode array = JSON.createArrayNode();
                shown.forEach(array::add);
                out.print(Yaml.write(array));
            }
            case value -> shown.forEach(row -> {
                List<String> values = new ArrayList<>();
                row.forEach(v -> values.add(text(v)));
                out.println(String.join(" ", values));
            });
            case table -> {
                List<String> header = new ArrayList<>();
                if (!shown.isEmpty()) {
                    shown.get(0).fieldNames().forEachRemaining(header::add);
                } else {
                    header.addAll(columns);
                }
                List<String[]> cells = new ArrayList<>();
                for (ObjectNode row : shown) {
                    cells.add(header.stream().map(h -> text(row.path(h))).toArray(String[]::new));
                }
                table(out, header.toArray(String[]::new), cells);
            }
            default -> throw new IllegalStateException(format.name());
        }
    }

    /** The object with only the {@code -c} fields, in that order; all of it without {@code -c}. */
    ObjectNode select(CommandLine cli, ObjectNode object) {
        if (columns.isEmpty()) {
            return object;
        }
        ObjectNode selected = JSON.createObjectNode();
        for (String column : columns) {
            if (!object.has(column)) {
                throw unknownField(cli, column, object::fieldNames);
            }
            selected.set(column, object.get(column));
        }
        return selected;
    }

    /** A value as text: strings as they are, null as nothing, numbers and booleans as JSON, containers as compact JSON. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** An ASCII table with borders, as openstack prints one. */
    static void table(PrintWriter out, String[] header, List<String[]> rows) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder rule = new StringBuilder("+");
        for (int w : width) {
            rule.append("-".repeat(w + 2)).append('+');
        }
        out.println(rule);
        out.println(line(header, width));
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, width));
        }
        out.println(rule);
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        return line.toString();
    }
}
