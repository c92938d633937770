package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponseV1Dot2;

/** Proves the client reads what the real service sends: lenient timestamps, unknown fields, large sizes. */
class ScpJsonTest {

    private final ObjectMapper mapper = ScpJson.newMapper();

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "2024-06-16T02:55:13Z          | 2024-06-16T02:55:13Z",       // RFC 3339
            "2024-06-16T02:55:13+00:00     | 2024-06-16T02:55:13Z",
            "2024-06-16 02:55:13+00:00     | 2024-06-16T02:55:13Z",       // the vendor's published example
            "2024-06-16T02:55:13           | 2024-06-16T02:55:13Z",       // zone-less: UTC, as the vendor's SDK
            "2024-06-16 02:55:13           | 2024-06-16T02:55:13Z",
            "2024-06-16T02:55:13.123456Z   | 2024-06-16T02:55:13.123456Z", // fractional seconds
            "2024-06-16T02:55:13.5         | 2024-06-16T02:55:13.500Z",
            "2024-06-16t02:55:13z          | 2024-06-16T02:55:13Z",       // RFC 3339 allows lower case t and z
            "2024-06-16T11:55:13+09:00     | 2024-06-16T11:55:13+09:00",  // the offset is kept, not shifted
            "2024-06-16T11:55:13+0900      | 2024-06-16T11:55:13+09:00",
    })
    void acceptsTheTimestampShapesTheServiceSends(String sent, String expected) {
        assertThat(ScpJson.parseTimestamp(sent)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void zoneLessTimestampIsReadAsUtcThroughTheMapper() throws Exception {
        ImageShowResponse image = mapper.readValue(seed("1.1").put("created_at", "2024-06-16T02:55:13").toString(),
                ImageShowResponse.class);

        assertThat(image.getCreatedAt()).isEqualTo(OffsetDateTime.of(2024, 6, 16, 2, 55, 13, 0, ZoneOffset.UTC));
    }

    @Test
    void aTimestampThatIsNotOneFailsWithAMappingError() {
        String json = seed("1.1").put("created_at", "16/06/2024").toString();

        assertThatThrownBy(() -> mapper.readValue(json, ImageShowResponse.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("16/06/2024");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode body = seed("1.3");
        body.put("scp_new_field_from_tomorrow", "x");
        body.putObject("nested_new_thing").put("a", 1);

        ImageShowResponseV1Dot2 image = mapper.readValue(body.toString(), ImageShowResponseV1Dot2.class);

        assertThat(image.getId()).isEqualTo("70a599e0-31e7-49b7-b260-868f441e862b");
        assertThat(image.getScpGpuDriver()).isEqualTo("535.183.06");
    }

    @Test
    void sizesBeyondTwoToTheThirtyFirstAreKept() throws Exception {
        ObjectNode body = seed("1.1");
        body.put("size", 2_429_747_200L);                  // > Integer.MAX_VALUE, the seed's own size
        body.put("virtual_size", 1_099_511_627_776L * 8);  // 8 TiB

        ImageShowResponse image = mapper.readValue(body.toString(), ImageShowResponse.class);

        assertThat(image.getSize()).isEqualTo(2_429_747_200L);
        assertThat(image.getVirtualSize()).isEqualTo(8_796_093_022_208L);
    }

    @Test
    void theSeedExampleDecodesWithEveryNullableFieldPresent() throws Exception {
        ImageShowResponseV1Dot2 image = mapper.readValue(seed("1.3").toString(), ImageShowResponseV1Dot2.class);

        assertThat(image.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2025-07-22T09:00:00Z"));
        assertThat(image.getOsDistro()).isEqualTo("alma");
        assertThat(image.getVolumes()).startsWith("[{\"tag\": null");
    }

    /** The vendor's example body of a version, as shipped in the api-spec jar. */
    private ObjectNode seed(String version) {
        try (InputStream in = getClass().getResourceAsStream("/openapi/examples/show-image-" + version + ".json")) {
            return (ObjectNode) mapper.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
