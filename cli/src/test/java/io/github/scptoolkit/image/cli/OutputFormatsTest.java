package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code -f json|yaml|table|value} and {@code -c FIELD}, as openstack has them: json is the body as
 * received, yaml reads back as the same tree, table has Field and Value, value one value a line.
 */
class OutputFormatsTest {

    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final Map<String, String> DEMO_ENV = Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", "test");
    /** Every required field, not in the model's order, with a field from a newer server, nested values, a number beyond long. */
    private static final String IMAGE = "{\"name\":\"imagename\",\"id\":\"" + ID + "\",\"min_disk\":100,\"os_hidden\":false,"
            + "\"checksum\":null,\"scp_from_a_newer_server\":{\"tags\":[\"a\",\"b: c\"],\"n\":123456789012345678901234567890},"
            + "\"description\":\"two words\\nand a line\",\"created_at\":\"2025-07-22T09:00:00Z\","
            + "\"min_ram\":0,\"container_format\":\"bare\",\"disk_format\":\"qcow2\",\"file\":\"/v2/images/x/file\","
            + "\"owner\":\"a8f10467abfc4b87b64614ab36eb9ae4\",\"protected\":false,\"status\":\"active\","
            + "\"visibility\":\"private\",\"updated_at\":\"2025-07-26T12:00:00Z\",\"scp_gpu_driver\":null}";

    private static CliRun show(LocalServer server, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "show";
        args[1] = ID;
        args[2] = "--endpoint";
        args[3] = server.url();
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.run(DEMO_ENV, args);
    }

    @Test
    void jsonIsTheBodyAsReceivedAndIsTheDefault() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            assertThat(show(server).out()).isEqualTo(IMAGE + "\n");
            assertThat(show(server, "-f", "json").out()).isEqualTo(IMAGE + "\n");
        }
    }

    @Test
    void columnsSelectFieldsInTheirOrder() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            CliRun json = show(server, "-f", "json", "-c", "id", "-c", "name");
            CliRun value = show(server, "-f", "value", "-c", "name");

            assertThat(new ObjectMapper().readTree(json.out()).toString())
                    .isEqualTo("{\"id\":\"" + ID + "\",\"name\":\"imagename\"}");
            assertThat(value.out()).isEqualTo("imagename\n");
        }
    }

    @Test
    void yamlReadsBackAsTheSameTree() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            CliRun run = show(server, "-f", "yaml");

            JsonNode expected = new ObjectMapper().readTree(IMAGE);
            JsonNode back = new YAMLMapper().readTree(run.out());
            assertThat(back).isEqualTo(expected);
            assertThat(run.out()).startsWith("name: imagename\nid: \"" + ID + "\"\nmin_disk: 100\n");
        }
    }

    @Test
    void tableHasFieldAndValueColumnsWithNestedValuesAsJson() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            CliRun run = show(server, "-f", "table", "-c", "name", "-c", "checksum", "-c", "scp_from_a_newer_server");

            java.util.List<String> lines = run.out().lines().toList();
            assertThat(lines).hasSize(7).allSatisfy(line -> assertThat(line).hasSize(lines.get(0).length()));
            assertThat(lines.get(0)).matches("\\+-+\\+-+\\+");
            assertThat(lines.get(1)).matches("\\| Field +\\| Value +\\|");
            assertThat(lines.get(3)).matches("\\| name +\\| imagename +\\|");
            assertThat(lines.get(4)).matches("\\| checksum +\\| +\\|");
            assertThat(lines.get(5)).matches("\\| scp_from_a_newer_server \\| "
                    + java.util.regex.Pattern.quote("{\"tags\":[\"a\",\"b: c\"],\"n\":123456789012345678901234567890}") + " \\|");
        }
    }

    @Test
    void anUnknownColumnIsAUsageErrorListingTheFields() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            CliRun run = show(server, "-f", "value", "-c", "nmae");

            assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
            assertThat(run.err()).contains("-c nmae: the answer has no field 'nmae'; its fields: name, id, min_disk");
        }
    }

    @Test
    void versionsJsonIsTheDocumentAsReceivedAndValueOneRowALine() throws Exception {
        String document = "{\"versions\":[{\"id\":\"v9.8\",\"status\":\"SUPPORTED\",\"not_before\":\"2026-03-01\",\"links\":[]},"
                + "{\"id\":\"v9.9\",\"status\":\"CURRENT\",\"not_before\":null,\"links\":[],\"extra\":1}]}";
        Clock now = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (LocalServer server = new LocalServer(200, "application/json", document, Map.of())) {
            CliRun json = CliRun.run(Map.of(), now, "versions", "--endpoint", server.url(), "-f", "json");
            CliRun value = CliRun.run(Map.of(), now, "versions", "--endpoint", server.url(), "-f", "value");
            CliRun table = CliRun.run(Map.of(), now, "versions", "--endpoint", server.url(), "-f", "table", "-c", "id",
                    "-c", "days_left");

            assertThat(json.out()).isEqualTo(document + "\n");
            assertThat(value.out()).isEqualTo("v9.8 SUPPORTED 2026-03-01 59\nv9.9 CURRENT  \n");
            assertThat(table.out()).isEqualTo("""
                    +------+-----------+
                    | id   | days_left |
                    +------+-----------+
                    | v9.8 | 59        |
                    | v9.9 |           |
                    +------+-----------+
                    """);
        }
    }
}
