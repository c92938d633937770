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
 * against the spec first: a bad file stops start-up with {@link InvalidCatalogException}.
 *
 * <pre>
 * [ { "image": { ...a Show Image body... }, "members": ["&lt;project id&gt;", ...] }, ... ]
 * </pre>
 */
@Component
class ImageCatalog {

    private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();
    private final String location;

    ImageCatalog(@Value("${scp.catalog:classpath:catalog.json}") Resource catalog, JsonMapper mapper) {
        this.location = catalog.getDescription();
        JsonNode document;
        try (InputStream in = catalog.getInputStream()) {
            document = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidCatalogException(location, List.of("cannot read it as JSON: " + firstLine(e.getMessage())), e);
        } catch (IOException e) {
            throw new InvalidCatalogException(location, List.of("cannot read it: " + firstLine(e.getMessage())), e);
        }
        List<String> problems = new CatalogValidator().validate(document);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(location, problems, null);
        }
        for (JsonNode entry : document) {
            List<String> members = new ArrayList<>();
            entry.path("members").forEach(m -> members.add(m.asString()));
            Image image = mapper.treeToValue(entry.get("image"), Image.class);
            entries.put(image.getId(), new CatalogEntry(image, members));
        }
    }

    Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    Collection<CatalogEntry> all() {
        return Collections.unmodifiableCollection(entries.values());
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
