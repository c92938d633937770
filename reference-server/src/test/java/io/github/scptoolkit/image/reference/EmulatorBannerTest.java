package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import io.github.scptoolkit.image.server.ApiVersionFacts;
import tools.jackson.databind.json.JsonMapper;

/** The start-up line names the versions served on the clock's date, the retired ones, the demo key, never a secret. */
class EmulatorBannerTest {

    static EmulatorBanner banner(String instant) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
        EmulatorProperties tenants = new EmulatorProperties();
        tenants.setTenants(java.util.List.of(TenantCredentialsTest.tenant("test", "s3cr3t", "a"),
                TenantCredentialsTest.tenant("test-b", "s3cr3t-b", "b")));
        ImageCatalog catalog = new ImageCatalog(new ClassPathResource("catalog.json"), JsonMapper.shared());
        return new EmulatorBanner(ApiVersionFacts.fromSpec(), catalog, tenants, beans.getBeanProvider(Clock.class));
    }

    @Test
    void todayTheRetiredVersionsAreNamedWithTheOptionThatKeepsThemOn() {
        String text = banner("2026-11-27T03:00:00Z").text(new MockEnvironment(), 8080);

        assertThat(text).isEqualTo("SCP image-API emulator on http://127.0.0.1:8080 | versions 1.3 (default), 1.2"
                + " | retired 1.1, 1.0 (--scp.versions.serve-retired=true serves them) | demo access key test"
                + " | 8 images from class path resource [catalog.json] | docs http://127.0.0.1:8080/docs");
    }

    @Test
    void beforeAnyNotBeforeOrWithServeRetiredEveryVersionIsServed() {
        String early = banner("2025-06-01T00:00:00Z").text(new MockEnvironment(), 8080);
        String kept = banner("2026-11-27T03:00:00Z").text(new MockEnvironment()
                .withProperty("scp.versions.serve-retired", "true"), 8080);

        assertThat(early).contains(" | versions 1.3 (default), 1.2, 1.1, 1.0 | demo").doesNotContain("retired");
        assertThat(kept).contains(" | versions 1.3 (default), 1.2, 1.1, 1.0 | demo");
    }

    @Test
    void withChecksOffItSaysWhichTenantRequestsActAs() {
        String text = banner("2026-11-27T03:00:00Z").text(new MockEnvironment().withProperty("scp.auth.enabled", "false")
                .withProperty("server.port", "9090"), 9090);

        assertThat(text).contains("signature checks OFF: every request acts as test |").contains("on http://127.0.0.1:9090")
                .doesNotContain("s3cr3t");
    }
}
