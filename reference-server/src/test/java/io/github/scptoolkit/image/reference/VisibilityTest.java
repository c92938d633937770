package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.server.generated.model.Image;

/** Proves Glance's visibility rules as a pure function: image (visibility, owner, members) x project -> visible. */
class VisibilityTest {

    static final String OWNER = "a8f10467abfc4b87b64614ab36eb9ae4";
    static final String MEMBER = "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05";
    static final String STRANGER = "7e1f0a9c4d2b4e6a8c3d5f7b9a1e2c40";

    @ParameterizedTest(name = "{0} image seen by {1}: {2}")
    @CsvSource({
            "private,   owner,    true",
            "private,   member,   false",
            "private,   stranger, false",
            "private,   none,     false",
            "shared,    owner,    true",
            "shared,    member,   true",
            "shared,    stranger, false",
            "shared,    none,     false",
            "public,    owner,    true",
            "public,    stranger, true",
            "public,    none,     true",
            "community, stranger, true",
            "community, none,     true",
            "PUBLIC,    stranger, true",
            "unheard-of, owner,   true",
            "unheard-of, member,  false",
            "unheard-of, stranger, false"})
    void visibilityFollowsGlance(String visibility, String caller, boolean visible) {
        CatalogEntry entry = new CatalogEntry(new Image().id("i").owner(OWNER).visibility(visibility),
                List.of(MEMBER));
        String project = switch (caller) {
            case "owner" -> OWNER;
            case "member" -> MEMBER;
            case "stranger" -> STRANGER;
            default -> null;
        };

        assertThat(Visibility.isVisible(entry, project)).isEqualTo(visible);
    }
}
