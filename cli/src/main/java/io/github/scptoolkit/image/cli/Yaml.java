package io.github.scptoolkit.image.cli;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small YAML writer for JSON trees (what {@code -f yaml} prints), so the CLI needs no YAML
 * library: block mappings and sequences in the tree's order, scalars plain where YAML reads them
 * back as the same string, else double-quoted with JSON's escapes (valid YAML). Numbers, booleans
 * and null are written as JSON writes them.
 *
 * <pre>
 * String yaml = Yaml.write(jsonNode);   // "id: 70a599e0-...\nmin_disk: 100\n..."
 * </pre>
 */
final class Yaml {

    /** A string YAML 1.1 and 1.2 read back as the same string when written plain. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*( [A-Za-z0-9_./-]+)*");
    /** Plain words YAML reads as something else than a string. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    private Yaml() {
    }

    /** The document for {@code node}, ending with a newline. */
    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        if (node.isContainerNode() && node.size() > 0) {
            block(out, node, 0);
        } else {
            out.append(scalar(node)).append('\n');
        }
        return out.toString();
    }

    private static void block(StringBuilder out, JsonNode node, int indent) {
        String pad = " ".repeat(indent);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(pad).append(string(field.getKey())).append(':');
                value(out, field.getValue(), indent + 2);
            }
        } else {
            for (JsonNode item : node) {
                out.append(pad).append('-');
                if (item.isObject() && item.size() > 0) {
                    // the first key on the dash's line, the others under it
                    StringBuilder nested = new StringBuilder();
                    block(nested, item, indent + 2);
                    out.append(' ').append(nested.substring(indent + 2));
                } else {
                    value(out, item, indent + 2);
                }
            }
        }
    }

    private static void value(StringBuilder out, JsonNode value, int indent) {
        if (value.isContainerNode() && value.size() > 0) {
            out.append('\n');
            block(out, value, indent);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String scalar(JsonNode node) {
        if (node.isObject()) {
            return "{}";
        }
        if (node.isArray()) {
            return "[]";
        }
        if (node.isTextual()) {
            return string(node.textValue());
        }
        return node.toString();   // numbers, booleans, null as JSON writes them
    }

    private static String string(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
