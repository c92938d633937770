package io.github.scptoolkit.image.reference;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.ImageNotFoundException;
import io.github.scptoolkit.image.server.ScpProblems;
import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.server.generated.model.ScpApiVersion;

/**
 * The whole implementation of the generated interface: find the caller's tenant, check it may
 * perform the operation's action (403), look the image up and check the caller's project may see
 * it (404 otherwise, the same as a missing image). The stub shapes the body per version, so this
 * returns the richest model for every version.
 */
@RestController
class ImagesController implements ImagesApi {

    private final ImageCatalog catalog;
    private final EmulatorProperties tenants;
    private final HttpServletRequest request;
    private final String action = SpecOperation.showImage().actionId();

    ImagesController(ImageCatalog catalog, EmulatorProperties tenants, HttpServletRequest request) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.request = request;
    }

    @Override
    public ResponseEntity<ImageShowResponse> showImage(String imageId, ScpApiVersion scpApiVersion,
            String acceptLanguage) {
        EmulatorProperties.Tenant tenant = tenant();
        if (!tenant.allows(action)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ScpProblems.problem(HttpStatus.FORBIDDEN,
                    "ACTION_NOT_ALLOWED", "Action not allowed",
                    "The access key is not allowed to perform " + action + "."), null);
        }
        return catalog.find(imageId)
                .filter(entry -> Visibility.isVisible(entry, tenant.getProjectId()))
                .map(entry -> ResponseEntity.ok((ImageShowResponse) entry.image()))
                .orElseThrow(() -> new ImageNotFoundException(imageId));
    }

    /**
     * The tenant the request acts as. A verified access key that no tenant has may do nothing (an
     * empty tenant, so 403).
     */
    private EmulatorProperties.Tenant tenant() {
        // TODO(merge-signing): until the signature filter sets the caller's identity, a request
        // without one acts as the configured anonymous tenant (the demo tenant by default).
        String accessKey = Caller.from(request).map(Caller::accessKey).orElse(tenants.getAnonymousAccessKey());
        return tenants.tenant(accessKey).orElseGet(EmulatorProperties.Tenant::new);
    }
}
