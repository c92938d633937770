package io.github.scptoolkit.image.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.github.scptoolkit.image.server.generated.model.Image;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images the emulator knows, loaded once at start-up from a JSON catalog (default: the
 * bundled {@code catalog.json}; {@code --scp.catalog=file:images.json} replaces it) and validated
 * against the spec first: a bad file stops start-up with {@link InvalidCatalogException} (the
 * bundled catalog is checked when the emulator is built, by {@code CatalogValidatorTest}, so its
 * start-up skips loading the validator until something needs it). The
 * test kit adds or replaces entries while the emulator runs ({@link #put}, validated the same way)
 * and goes back to the loaded catalog between tests ({@link #reset}); nothing else changes it.
 *
 * <pre>
 * [ { "image": { ...a Show Image body... }, "members": ["&lt;project id&gt;", ...] }, ... ]
 * </pre>
 */
@Component
class ImageCatalog {

    /** The catalog as loaded at start-up. */
    private final Map<String, CatalogEntry> loaded;
    /** The catalog served now: {@link #loaded} with the test kit's changes; replaced whole, never changed in place. */
    private volatile Map<String, CatalogEntry> entries;
    private final String location;
    /** Created on first use: a catalog file given at start-up, or the first image the test kit puts. */
    private volatile CatalogValidator validator;
    private final JsonMapper mapper;

    ImageCatalog(@Value("${scp.catalog:classpath:catalog.json}") Resource catalog, JsonMapper mapper) {
        this.location = catalog.getDescription();
        this.mapper = mapper;
        JsonNode document;
        try (InputStream in = catalog.getInputStream()) {
            document = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidCatalogException(location, List.of("cannot read it as JSON: " + firstLine(e.getMessage())), e);
        } catch (IOException e) {
            throw new InvalidCatalogException(location, List.of("cannot read it: " + firstLine(e.getMessage())), e);
        }
        List<String> problems = isBundled(catalog) ? List.of() : validator().validate(document);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(location, problems, null);
        }
        Map<String, CatalogEntry> read = new LinkedHashMap<>();
        for (JsonNode entry : document) {
            CatalogEntry e = entry(entry);
            read.put(e.id(), e);
        }
        this.loaded = Collections.unmodifiableMap(read);
        this.entries = loaded;
    }

    private CatalogEntry entry(JsonNode entry) {
        List<String> members = new ArrayList<>();
        entry.path("members").forEach(m -> members.add(m.asString()));
        return new CatalogEntry(mapper.treeToValue(entry.get("image"), Image.class), members);
    }

    /**
     * Adds {@code entry} ({@code {"image": {...}, "members": [...]}}), or replaces the entry with its
     * image's id, once it is valid against the spec as a catalog file's entries are.
     *
     * @return the entry as served
     * @throws IllegalArgumentException listing every problem, when it is not valid
     */
    synchronized CatalogEntry put(JsonNode entry) {
        List<String> problems = validator().validateEntry(entry);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The image cannot be served:\n  - " + String.join("\n  - ", problems));
        }
        CatalogEntry added = entry(entry);
        Map<String, CatalogEntry> next = new LinkedHashMap<>(entries);
        next.put(added.id(), added);
        entries = Collections.unmodifiableMap(next);
        return added;
    }

    private CatalogValidator validator() {
        CatalogValidator v = validator;
        if (v == null) {
            synchronized (this) {
                v = validator;
                if (v == null) {
                    v = new CatalogValidator();
                    validator = v;
                }
            }
        }
        return v;
    }

    /** Whether {@code catalog} is the reference server's own {@code catalog.json} (not a file of that name elsewhere). */
    private static boolean isBundled(Resource catalog) {
        try {
            return catalog.getURL().toString().equals(EmulatorControl.bundledResource(EmulatorControl.CATALOG).toString());
        } catch (IOException | IllegalStateException unknown) {
            return false;
        }
    }

    /** Back to the catalog as loaded at start-up. */
    synchronized void reset() {
        entries = loaded;
    }

    Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    Collection<CatalogEntry> all() {
        return entries.values();
    }

    int size() {
        return entries.size();
    }

    /** Where the catalog was read from, e.g. {@code class path resource [catalog.json]}. */
    String location() {
        return location;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
