package io.github.scptoolkit.image.reference;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.ImageNotFoundException;
import io.github.scptoolkit.image.server.ScpAuthConfiguration;
import io.github.scptoolkit.image.server.ScpCaller;
import io.github.scptoolkit.image.server.ScpProblems;
import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The whole implementation of the generated interface: find the caller's tenant (from the
 * verified signature, {@link ScpCaller}), check it may perform the operation's action (403), look
 * the image up and check the tenant's project may see it (404 otherwise, the same as a missing
 * image). The stub shapes the body per version, so this returns the one model (every field of
 * every version) for every version.
 */
@RestController
class ImagesController implements ImagesApi {

    private final ImageCatalog catalog;
    private final EmulatorTenants tenants;
    private final boolean signaturesChecked;
    private final String action = ScpApi.SHOW_IMAGE.actionId();

    ImagesController(ImageCatalog catalog, EmulatorTenants tenants,
            @Value("${" + ScpAuthConfiguration.ENABLED_PROPERTY + ":true}") boolean signaturesChecked) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.signaturesChecked = signaturesChecked;
    }

    @Override
    public ResponseEntity<Image> showImage(String imageId, ScpServiceVersion scpApiVersion, String acceptLanguage) {
        EmulatorProperties.Tenant tenant = tenant();
        if (!tenant.allows(action)) {
            throw ScpProblems.exception(ScpProblemCode.ACTION_NOT_ALLOWED,
                    "The access key is not allowed to perform " + action + ".");
        }
        return catalog.find(imageId)
                .filter(entry -> Visibility.isVisible(entry, tenant.getProjectId()))
                .map(entry -> ResponseEntity.ok(entry.image()))
                .orElseThrow(() -> new ImageNotFoundException(imageId));
    }

    /**
     * The tenant the request acts as: the one whose key signed it. With signature checks off there
     * is no signer, and every request acts as {@code scp.emulator.anonymous-access-key}. A key no
     * tenant has may do nothing (an empty tenant, so 403).
     */
    private EmulatorProperties.Tenant tenant() {
        Optional<String> accessKey = ScpCaller.current().map(ScpCaller::accessKey)
                .or(() -> signaturesChecked ? Optional.empty() : tenants.anonymousTenantKey());
        return accessKey.flatMap(tenants::tenant).orElseGet(EmulatorProperties.Tenant::new);
    }
}
