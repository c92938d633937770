package io.github.scptoolkit.image.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.scptoolkit.image.client.ScpBadRequestException;
import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * {@code @ScpEmulatorTest} hands one emulator per class to parameters and fields: a loopback
 * endpoint on a random port, the demo tenant, clients that work, in every version served today.
 * The test resources hold an {@code application.properties} and a {@code catalog.json} of their
 * own (as an application under test may): the emulator never reads them.
 */
@ScpEmulatorTest
class EmulatorHandleTest {

    ScpEmulator field;

    static ScpEmulator staticField;

    @Test
    void theEndpointIsALoopbackAddressOnTheEmulatorsPort(ScpEmulator emulator) throws Exception {
        assertThat(InetAddress.getByName(emulator.endpoint().getHost()).isLoopbackAddress()).isTrue();
        assertThat(emulator.endpoint().getScheme()).isEqualTo("http");
        assertThat(emulator.port()).isEqualTo(emulator.endpoint().getPort()).isPositive();
    }

    @Test
    void parametersAndFieldsGetTheSameEmulator(ScpEmulator emulator) {
        assertThat(field).isSameAs(emulator);
        assertThat(staticField).isSameAs(emulator);
    }

    @Test
    void theDemoClientShowsTheSeedImageOfTheBundledCatalog(ScpEmulator emulator) {
        Image image = emulator.client().showImage(ScpImages.seedId());

        assertThat(image.getId()).isEqualTo(ScpImages.seedId());
        assertThat(image.getOwner()).isEqualTo(emulator.demoTenant().projectId());
        assertThat(ScpImages.seed().toImage()).isEqualTo(image);
    }

    @Test
    void aClientInAnyVersionServedTodayGetsItsShape(ScpEmulator emulator) {
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            if (version.isCallable() && version.isServedOn(java.time.LocalDate.now(ScpApi.NOT_BEFORE_ZONE))) {
                assertThat(emulator.client(version).showImageWithResponse(ScpImages.seedId()).metadata().servedVersion())
                        .as(version.toString()).contains(version);
            }
        }
    }

    @Test
    void anIdLongerThanTheSpecAllowsIsA400AsFromTheService(ScpEmulator emulator) {
        int max = ScpApi.SHOW_IMAGE.parameters().stream().filter(p -> p.in() == ScpParameter.In.PATH)
                .findFirst().orElseThrow().maxLength();

        assertThatThrownBy(() -> emulator.client().showImage("x".repeat(max + 1)))
                .isInstanceOfSatisfying(ScpBadRequestException.class,
                        e -> assertThat(e.problemCode()).contains(ScpProblemCode.INVALID_REQUEST));
    }

    @Test
    void theDemoCredentialsAreTheDemoTenantsAndHideTheSecret(ScpEmulator emulator) {
        assertThat(emulator.credentials().accessKey()).isEqualTo(emulator.demoTenant().accessKey());
        assertThat(emulator.credentials().accountId()).isEqualTo(emulator.demoTenant().projectId());
        assertThat(emulator.demoTenant().toString()).doesNotContain("secretKey=" + emulator.demoTenant().secretKey());
        assertThat(emulator.toString()).contains(emulator.endpoint().toString());
    }

    @Test
    void aClientConfiguredWithTheEmulatorsScpconfSettingsDiscoversItThroughItsEndpointCatalog(ScpEmulator emulator) {
        ScpConfig config = emulator.config();

        assertThat(config.authUrl()).hasValueSatisfying(url -> assertThat(url).startsWith(emulator.endpoint().toString()));
        ScpImageClient client = ScpImageClient.builder().configuration(config).build();
        assertThat(client.showImage(ScpImages.seedId()).getId()).isEqualTo(ScpImages.seedId());
        assertThat(config.toString()).doesNotContain("secret-key=" + emulator.demoTenant().secretKey());
    }

    @Test
    void theWrittenScpconfFilesLoadAsTheSameSettings(ScpEmulator emulator, @TempDir Path home) {
        Path directory = emulator.writeScpConf(home.resolve(ScpConfig.DIRECTORY_NAME));

        ScpConfig loaded = ScpConfig.load(Map.of(ScpConfig.CONFIG_DIR_VARIABLE, directory.toString()));

        for (ScpConfig.Setting setting : ScpConfig.Setting.values()) {
            if (setting.file().isPresent()) {
                assertThat(loaded.get(setting)).as(setting.displayName()).isEqualTo(emulator.config().get(setting));
            }
        }
        assertThat(ScpImageClient.builder().configuration(loaded).build().showImage(ScpImages.seedId()).getOwner())
                .isEqualTo(emulator.demoTenant().projectId());
    }
}
