package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** Reading the version headers of a response, tolerating absent and malformed values. */
class ResponseMetadataTest {

    @Test
    void readsTheServedVersionAndTheDeprecationSignals() {
        ScpServiceVersion deprecated = SpecVersions.deprecated();
        ResponseMetadata m = ResponseMetadata.of(200, Map.of(
                "scp-api-version", List.of(deprecated.headerValue()),
                "deprecation", List.of("@1767106800"),
                "sunset", List.of("Tue, 30 Dec 2025 15:00:00 GMT"),
                "link", List.of("<https://example.com/next>; rel=\"next\", <https://docs.example.com/versions>; rel=\"deprecation\"; type=\"text/html\"")));

        assertThat(m.status()).isEqualTo(200);
        assertThat(m.servedVersion()).contains(deprecated);
        assertThat(m.isDeprecated()).isTrue();
        assertThat(m.deprecation()).contains(Instant.parse("2025-12-30T15:00:00Z"));
        assertThat(m.sunset()).contains(Instant.parse("2025-12-30T15:00:00Z"));
        assertThat(m.deprecationLink()).contains(URI.create("https://docs.example.com/versions"));
        assertThat(m.header("SCP-API-VERSION")).contains(deprecated.headerValue());
    }

    @Test
    void absentOrMalformedHeadersAreEmpty() {
        ResponseMetadata m = ResponseMetadata.of(200, Map.of(
                "Scp-Api-Version", List.of("blockstorage " + SpecVersions.current().getVersion()),
                "Deprecation", List.of("true"),
                "Sunset", List.of("tomorrow"),
                "Link", List.of("<https://example.com/next>; rel=\"next\"")));

        assertThat(m.servedVersion()).isEmpty();
        assertThat(m.isDeprecated()).isTrue();
        assertThat(m.deprecation()).isEmpty();
        assertThat(m.sunset()).isEmpty();
        assertThat(m.deprecationLink()).isEmpty();
        assertThat(ResponseMetadata.of(200, Map.of()).isDeprecated()).isFalse();
        assertThat(ResponseMetadata.of(200, Map.of("Scp-Api-Version", List.of(SpecVersions.UNKNOWN))).servedVersion()).isEmpty();
    }
}
