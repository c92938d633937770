package io.github.scptoolkit.image.reference;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.reference.generated.iam.EndpointsApi;
import io.github.scptoolkit.image.reference.generated.iam.model.EndpointList;
import io.github.scptoolkit.image.server.ScpSigned;

/**
 * The endpoint catalog SCP's tools call at their auth URL ({@code GET <auth-url>/endpoints}, here
 * {@code /v1/endpoints}), from api-spec's {@code iam-endpoints.yaml}. Signed like every API call
 * ({@link ScpSigned}: the stub's signature filter checks it with the tenants' keys); any tenant may
 * read it.
 */
@RestController
@ScpSigned
class EndpointCatalogController implements EndpointsApi {

    private final EndpointCatalog catalog;

    EndpointCatalogController(EndpointCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ResponseEntity<EndpointList> listEndpoints() {
        return ResponseEntity.ok(new EndpointList().endpoints(catalog.entries()));
    }
}
