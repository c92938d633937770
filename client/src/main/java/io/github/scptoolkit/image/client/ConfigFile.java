package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads one file of {@code ~/.scpconf} ({@code config.json}, {@code credentials.json}): a JSON
 * object whose known keys hold strings (or whole numbers, for the keys that are numbers). A missing
 * file is empty, and so is an empty one (SCP's tools treat both so). A file that exists but cannot
 * be read, is not one JSON object, repeats a key or holds a known key of the wrong type is a
 * {@link ScpConfigException} naming the file and the line; unknown keys are ignored (SCP's tools
 * add keys such as {@code microversion-check-timeout}). Messages about a file that holds secrets
 * never quote its content.
 *
 * <pre>
 * Map&lt;String, ConfigFile.Value&gt; values = ConfigFile.read(dir.resolve("config.json"), Set.of("auth-url"), Set.of(), false);
 * </pre>
 */
final class ConfigFile {

    /** A value and the line it is on. */
    record Value(String text, int line) {
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigFile() {
    }

    /**
     * The known keys' values in {@code file}; keys whose value is null or blank are left out.
     *
     * @param numberKeys the keys whose value is a whole number; every other known key is a string
     * @param secret whether the file holds secrets (then no message quotes any of it)
     */
    static Map<String, Value> read(Path file, Set<String> keys, Set<String> numberKeys, boolean secret) {
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                return Map.of();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return Map.of();
        } catch (AccessDeniedException denied) {
            throw new ScpConfigException(file + " cannot be read: permission denied", file, denied);
        } catch (IOException | SecurityException unreadable) {
            throw new ScpConfigException(file + " cannot be read: " + (Files.isDirectory(file) ? "it is a directory"
                    : unreadable.getClass().getSimpleName()), file, unreadable);
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        Map<String, Value> values = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(file, parser.currentTokenLocation(), "is not a JSON object (expected {\"key\": \"value\", ...})");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                int line = parser.currentTokenLocation().getLineNr();
                if (!keys.contains(key)) {
                    parser.skipChildren();
                    continue;
                }
                boolean number = numberKeys.contains(key);
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (number ? value != JsonToken.VALUE_NUMBER_INT : value != JsonToken.VALUE_STRING) {
                    throw error(file, parser.currentTokenLocation(), "\"" + key + "\" must be "
                            + (number ? "a whole number" : "a string") + ", not " + kind(value));
                }
                String text = parser.getText();
                if (!text.isBlank()) {
                    values.put(key, new Value(text.trim(), line));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw error(file, parser.currentTokenLocation(), "has content after its JSON object");
            }
        } catch (JsonProcessingException notJson) {
            JsonLocation at = notJson.getLocation();
            String reason = secret ? "" : ": " + notJson.getOriginalMessage();
            throw new ScpConfigException(file + where(at) + ": not valid JSON" + reason, file, secret ? null : notJson);
        } catch (IOException unreadable) {
            throw new ScpConfigException(file + " cannot be read: " + unreadable.getClass().getSimpleName(), file);
        }
        return values;
    }

    private static ScpConfigException error(Path file, JsonLocation at, String what) {
        return new ScpConfigException(file + where(at) + ": " + what, file);
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return " line " + at.getLineNr() + (at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "");
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
