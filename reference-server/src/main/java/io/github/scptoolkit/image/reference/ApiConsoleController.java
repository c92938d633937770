package io.github.scptoolkit.image.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.spec.ScpApi;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API console at {@code /docs} (Swagger UI, {@code static/docs}) loads besides its
 * scripts, both unsigned: the console's variant of the spec ({@link ConsoleSpec}, derived once,
 * when the page first asks for it, so that neither the emulator's start-up nor the test kit pays
 * for it) and the key pairs of the demo tenants ({@link EmulatorProperties.Tenant#isDemo()}), which
 * the page's Authorize dialog offers. Tenants not marked as demo never appear.
 *
 * <pre>
 * GET /openapi-console.json        # the spec with this emulator as first server, version drop-downs
 * GET /docs/demo-tenants.json      # [{"accessKey":"test","secretKey":"test","accountId":"a8f1...","actions":[...]}]
 * </pre>
 */
@RestController
class ApiConsoleController {

    /** Where the demo tenants' key pairs are served. */
    static final String DEMO_TENANTS = "/docs/demo-tenants.json";

    private final Supplier<byte[]> consoleSpec;
    private final List<DemoTenant> demoTenants;

    ApiConsoleController(EmulatorProperties emulator, JsonMapper mapper) {
        this.consoleSpec = SingletonSupplier.of(() -> consoleSpec(mapper));
        this.demoTenants = emulator.getTenants().stream().filter(EmulatorProperties.Tenant::isDemo)
                .map(DemoTenant::of).toList();
    }

    @GetMapping(ConsoleSpec.PATH)
    ResponseEntity<byte[]> consoleSpec() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(consoleSpec.get());
    }

    /** The packaged spec, as the console shows it. */
    private static byte[] consoleSpec(JsonMapper mapper) {
        try (InputStream in = new ClassPathResource(ScpApi.SPEC_JSON).getInputStream()) {
            return mapper.writeValueAsBytes(ConsoleSpec.of(mapper.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("the packaged spec " + ScpApi.SPEC_JSON + " cannot be read", e);
        }
    }

    /** Not cached: a restart with other tenants shows at once. */
    @GetMapping(DEMO_TENANTS)
    ResponseEntity<List<DemoTenant>> demoTenants() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(demoTenants);
    }

    /** A demo tenant as the page needs it: its key pair, its project (the account id it may sign for), its actions. */
    record DemoTenant(String accessKey, String secretKey, String accountId, List<String> actions) {

        static DemoTenant of(EmulatorProperties.Tenant tenant) {
            return new DemoTenant(tenant.getAccessKey(), tenant.getSecretKey(), tenant.getProjectId(),
                    List.copyOf(tenant.getActions()));
        }

        @Override
        public String toString() {
            return "DemoTenant[accessKey=" + accessKey + ", accountId=" + accountId + ", actions=" + actions
                    + ", secretKey=***]";
        }
    }
}
