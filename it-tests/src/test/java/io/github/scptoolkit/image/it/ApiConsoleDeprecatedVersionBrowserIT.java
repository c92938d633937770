package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * In the API console, with the emulator serving its retired versions
 * ({@code --scp.versions.serve-retired=true}, as docs/emulator.md shows): Show Image in a DEPRECATED version
 * answers the image in that version's shape, and the page shows its {@code Deprecation},
 * {@code Sunset} and {@code Link} headers beside {@code Scp-Api-Version}. Screenshots:
 * {@code target/browser/ApiConsoleDeprecatedVersionBrowserIT/}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class ApiConsoleDeprecatedVersionBrowserIT {

    private static ConsoleBrowser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.startIfInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDeprecatedVersionShowsItsDeprecationSunsetAndLinkHeaders() {
        ConsoleBrowser.assumeRunning(browser);
        List<ScpServiceVersion> deprecated = SpecVersions.deprecated();
        Assumptions.assumeFalse(deprecated.isEmpty(), "the spec has no DEPRECATED version");
        ScpServiceVersion version = deprecated.get(0);
        browser.steps(getClass(), "aDeprecatedVersionShowsItsDeprecationSunsetAndLinkHeaders");
        ConsolePage page = new ConsolePage(browser, "http://127.0.0.1:" + port);
        page.open();
        page.authorize();

        page.expand(ScpApi.SHOW_IMAGE);
        ConsolePage.Response response = page.showImage(ReferenceServer.SEED_IMAGE_ID, version);
        browser.step("show-image-" + version.getVersion());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(SpecVersions.expectedSeed(version));
        assertThat(response.header(ScpApi.VERSION_HEADER)).isEqualTo(version.headerValue());
        assertThat(response.header("Deprecation")).isEqualTo("@" + SpecVersions.sunsetInstant(version).getEpochSecond());
        // Swagger UI shows a header value without the blank after a comma ("Sat,30 May 2026 ...").
        assertThat(response.header("Sunset")).isEqualTo(SpecVersions.sunset(version).replace(", ", ","));
        assertThat(response.header("Link")).contains("rel=\"deprecation\"");
        assertThat(browser.console(Level.SEVERE)).as("console errors").isEmpty();
    }
}
