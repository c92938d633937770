package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import io.github.scptoolkit.image.server.ScpVersionLifecycle;
import io.github.scptoolkit.image.server.ScpVersionsProperties;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.VersionStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start-up line names the versions served on the clock's date and the retired ones, by the
 * stub's lifecycle (the spec's rules), the demo key, never a secret. Versions come from the spec.
 */
class EmulatorBannerTest {

    static EmulatorBanner banner(Instant now, MockEnvironment env) {
        EmulatorProperties tenants = new EmulatorProperties();
        tenants.setTenants(List.of(TenantCredentialsTest.tenant("test", "s3cr3t", "a"),
                TenantCredentialsTest.tenant("test-b", "s3cr3t-b", "b")));
        ImageCatalog catalog = new ImageCatalog(new ClassPathResource("catalog.json"), JsonMapper.shared());
        ScpVersionsProperties versions = org.springframework.boot.context.properties.bind.Binder.get(env)
                .bindOrCreate(ScpVersionsProperties.PREFIX, ScpVersionsProperties.class);
        return new EmulatorBanner(ScpVersionLifecycle.from(Clock.fixed(now, ZoneOffset.UTC), versions), catalog, tenants);
    }

    private static Instant midnight(LocalDate date) {
        return date.atStartOfDay(ScpApi.NOT_BEFORE_ZONE).toInstant();
    }

    private static List<ScpServiceVersion> callableNewestFirst() {
        return ScpServiceVersion.all().stream().filter(ScpServiceVersion::isCallable)
                .sorted(Comparator.reverseOrder()).toList();
    }

    private static String label(ScpServiceVersion v) {
        return v.getVersion() + (v.status() == VersionStatus.CURRENT ? " (default)" : "");
    }

    private static Instant afterEveryNotBefore() {
        return midnight(ScpServiceVersion.all().stream().flatMap(v -> v.notBefore().stream())
                .max(Comparator.naturalOrder()).orElseThrow().plusDays(1));
    }

    @Test
    void afterEveryNotBeforeTheRetiredVersionsAreNamedWithTheOptionThatKeepsThemOn() {
        Instant now = afterEveryNotBefore();
        LocalDate today = LocalDate.ofInstant(now, ScpApi.NOT_BEFORE_ZONE);
        List<ScpServiceVersion> retired = callableNewestFirst().stream().filter(v -> v.isRetiredOn(today)).toList();
        String served = callableNewestFirst().stream().filter(v -> !v.isRetiredOn(today))
                .map(EmulatorBannerTest::label).collect(Collectors.joining(", "));

        String text = banner(now, new MockEnvironment()).text(new MockEnvironment(), 8080);

        assertThat(retired).as("the spec has DEPRECATED versions with a Not Before date").isNotEmpty();
        assertThat(text).isEqualTo("SCP image-API emulator on http://127.0.0.1:8080 | versions " + served
                + " | retired " + retired.stream().map(ScpServiceVersion::getVersion).collect(Collectors.joining(", "))
                + " (--scp.versions.serve-retired=true serves them) | demo access key test"
                + " | 8 images from class path resource [catalog.json] | docs http://127.0.0.1:8080/docs"
                + " | SCP tools: ~/.scpconf/config.json {\"auth-url\": \"http://127.0.0.1:8080/v1\", \"default-region\": \"kr-west1\"}"
                + " and credentials.json {\"access-key\": \"test\", \"secret-key\": \"<its secret key>\"}");
    }

    @Test
    void beforeAnyNotBeforeOrWithServeRetiredEveryCallableVersionIsServed() {
        String all = " | versions " + callableNewestFirst().stream().map(EmulatorBannerTest::label)
                .collect(Collectors.joining(", ")) + " | demo";
        Instant early = midnight(ScpServiceVersion.all().stream().flatMap(v -> v.notBefore().stream())
                .min(Comparator.naturalOrder()).orElseThrow().minusDays(1));

        assertThat(banner(early, new MockEnvironment()).text(new MockEnvironment(), 8080)).contains(all)
                .doesNotContain("retired");
        assertThat(banner(afterEveryNotBefore(), new MockEnvironment()
                .withProperty(ScpVersionLifecycle.SERVE_RETIRED_PROPERTY, "true")).text(new MockEnvironment(), 8080))
                .contains(all);
    }

    @Test
    void withChecksOffItSaysWhichTenantRequestsActAs() {
        String text = banner(afterEveryNotBefore(), new MockEnvironment()).text(new MockEnvironment()
                .withProperty("scp.auth.enabled", "false").withProperty("server.port", "9090"), 9090);

        assertThat(text).contains("signature checks OFF: every request acts as test |").contains("on http://127.0.0.1:9090")
                .doesNotContain("s3cr3t");
    }
}
