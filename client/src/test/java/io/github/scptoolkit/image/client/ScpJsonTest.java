package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

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
        Image image = mapper.readValue(body().put("created_at", "2024-06-16T02:55:13").toString(), Image.class);

        assertThat(image.getCreatedAt()).isEqualTo(OffsetDateTime.of(2024, 6, 16, 2, 55, 13, 0, ZoneOffset.UTC));
    }

    @Test
    void aTimestampThatIsNotOneFailsWithAMappingError() {
        String json = body().put("created_at", "16/06/2024").toString();

        assertThatThrownBy(() -> mapper.readValue(json, Image.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("16/06/2024");
    }

    @ParameterizedTest(name = "''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", " ", "\t"})
    void anEmptyTimestampIsAMappingErrorNotANull(String sent) {
        String json = body().put("created_at", sent).toString();

        assertThatThrownBy(() -> mapper.readValue(json, Image.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("empty, not an RFC 3339 timestamp");
    }

    @Test
    void aNullTimestampStaysNull() throws Exception {
        Image image = mapper.readValue(body().putNull("created_at").toString(), Image.class);

        assertThat(image.getCreatedAt()).isNull();
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode body = body();
        body.put("scp_new_field_from_tomorrow", "x");
        body.putObject("nested_new_thing").put("a", 1);

        Image image = mapper.readValue(body.toString(), Image.class);

        assertThat(image.getId()).isEqualTo("70a599e0-31e7-49b7-b260-868f441e862b");
        assertThat(image.getScpGpuDriver()).isEqualTo("535.183.06");
    }

    @Test
    void sizesBeyondTwoToTheThirtyFirstAreKept() throws Exception {
        ObjectNode body = body();
        body.put("size", 2_429_747_200L);                  // > Integer.MAX_VALUE
        body.put("virtual_size", 1_099_511_627_776L * 8);  // 8 TiB

        Image image = mapper.readValue(body.toString(), Image.class);

        assertThat(image.getSize()).isEqualTo(2_429_747_200L);
        assertThat(image.getVirtualSize()).isEqualTo(8_796_093_022_208L);
    }

    @Test
    void everyVendorExampleOfTheSpecDecodesIntoTheOneModel() throws Exception {
        int decoded = 0;
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            try (InputStream in = getClass().getResourceAsStream("/openapi/examples/show-image-" + version.getVersion() + ".json")) {
                if (in == null) {
                    continue; // the spec need not ship an example per version
                }
                Image image = mapper.readValue(in, Image.class);
                Set<String> fields = ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow().fieldNames();

                assertThat(image.getCreatedAt()).as(version.headerValue()).isNotNull();
                assertThat(image.getScpGpuDriver_JsonNullable().isPresent()).as(version.headerValue())
                        .isEqualTo(fields.contains("scp_gpu_driver"));
                decoded++;
            }
        }
        assertThat(decoded).isPositive();
    }

    /** An image body of the CURRENT shape. */
    private ObjectNode body() {
        try {
            return (ObjectNode) mapper.readTree(ClientFaultsTest.IMAGE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
