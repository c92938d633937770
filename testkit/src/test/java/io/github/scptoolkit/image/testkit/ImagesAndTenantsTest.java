package io.github.scptoolkit.image.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.scptoolkit.image.client.ScpForbiddenException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpNotFoundException;
import io.github.scptoolkit.image.client.ScpUnauthorizedException;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Images built from the seed image and tenants are served from the moment a test puts them, with
 * the emulator's visibility rules and its check against the spec, and are gone in the next test.
 */
@ScpEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagesAndTenantsTest {

    static final String ADDED = "kit-added-image";
    static ScpTenant addedTenant;

    @Test
    @Order(1)
    void anImagePutFromTheSeedIsServedWithWhatTheTestChanged(ScpEmulator emulator) {
        Image put = emulator.putImage(ScpImages.seed().id(ADDED).name("changed by the test"));

        Image shown = emulator.client().showImage(ADDED);

        assertThat(put.getId()).isEqualTo(ADDED);
        assertThat(shown.getName()).isEqualTo("changed by the test");
        assertThat(shown.getOwner()).isEqualTo(ScpImages.seed().toImage().getOwner());
        addedTenant = emulator.putTenant(ScpTenant.forProject(ScpTenant.newProjectId()));
        assertThatThrownBy(() -> emulator.clientBuilder().credentials(addedTenant.credentials()).build()
                .showImage(ScpImages.seedId())).as("signed and accepted; the seed is the demo project's")
                .isInstanceOf(ScpNotFoundException.class);
    }

    @Test
    @Order(2)
    void theNextTestSeesNeitherTheImageNorTheTenant(ScpEmulator emulator) {
        assertThatThrownBy(() -> emulator.client().showImage(ADDED)).isInstanceOf(ScpNotFoundException.class);
        ScpImageClient asRemovedTenant = emulator.clientBuilder().credentials(addedTenant.credentials()).build();
        assertThatThrownBy(() -> asRemovedTenant.showImage(ScpImages.seedId()))
                .isInstanceOfSatisfying(ScpUnauthorizedException.class,
                        e -> assertThat(e.problemCode()).contains(ScpProblemCode.INVALID_SIGNATURE));
    }

    @Test
    void aPrivateImageOfAnotherProjectIsA404ForTheDemoTenantAndSeenByThatProject(ScpEmulator emulator) {
        String otherProject = ScpTenant.newProjectId();
        emulator.putImage(ScpImages.seed().id("theirs").owner(otherProject));
        ScpTenant other = emulator.putTenant(ScpTenant.forProject(otherProject));

        assertThatThrownBy(() -> emulator.client().showImage("theirs")).isInstanceOfSatisfying(ScpNotFoundException.class,
                e -> assertThat(e.problemCode()).contains(ScpProblemCode.IMAGE_NOT_FOUND));
        assertThat(emulator.clientBuilder().credentials(other.credentials()).build().showImage("theirs").getOwner())
                .isEqualTo(otherProject);
    }

    @Test
    void aSharedImageIsSeenByItsMembersOnlyAndAPublicOneByEveryone(ScpEmulator emulator) {
        String owner = ScpTenant.newProjectId();
        emulator.putImage(ScpImages.seed().id("shared-with-demo").owner(owner).visibility("shared")
                .sharedWith(emulator.demoTenant().projectId()));
        emulator.putImage(ScpImages.seed().id("shared-with-others").owner(owner).visibility("shared")
                .sharedWith(ScpTenant.newProjectId()));
        emulator.putImage(ScpImages.seed().id("public").owner(owner).visibility("public"));

        assertThat(emulator.client().showImage("shared-with-demo").getId()).isEqualTo("shared-with-demo");
        assertThat(emulator.client().showImage("public").getId()).isEqualTo("public");
        assertThatThrownBy(() -> emulator.client().showImage("shared-with-others"))
                .isInstanceOf(ScpNotFoundException.class);
    }

    @Test
    void anImagePutWithTheSeedsIdReplacesTheSeed(ScpEmulator emulator) {
        emulator.putImage(ScpImages.seed().status("queued"));

        assertThat(emulator.client().showImage(ScpImages.seedId()).getStatus()).isEqualTo("queued");
    }

    @Test
    void anImageTheSpecRefusesIsNotPutAndTheMessageNamesTheField(ScpEmulator emulator) {
        ScpField integer = ScpApi.SHOW_IMAGE.responseModel().fields().stream()
                .filter(f -> f.type() == ScpField.Type.INTEGER).findFirst().orElseThrow();

        assertThatThrownBy(() -> emulator.putImage(ScpImages.seed().id("bad").field(integer.name(), "not a number")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(id 'bad')").hasMessageContaining("field 'image." + integer.name() + "'");
        assertThatThrownBy(() -> emulator.client().showImage("bad")).isInstanceOf(ScpNotFoundException.class);
    }

    @Test
    void aFieldTheSpecsModelDoesNotDefineIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> ScpImages.seed().field("no_such_field", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_field");
    }

    @Test
    void aTenantWithoutTheOperationsActionIsForbidden(ScpEmulator emulator) {
        ScpTenant noAction = emulator.putTenant(ScpTenant.forProject(emulator.demoTenant().projectId()).withActions());

        assertThatThrownBy(() -> emulator.clientBuilder().credentials(noAction.credentials()).build()
                .showImage(ScpImages.seedId())).isInstanceOfSatisfying(ScpForbiddenException.class,
                        e -> assertThat(e.problemCode()).contains(ScpProblemCode.ACTION_NOT_ALLOWED));
    }

    @Test
    void aTenantNeedsAProjectIdInSCPsFormAndNeverShowsItsSecret() {
        assertThatThrownBy(() -> new ScpTenant("key", "s3cr3t", "project-b", java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cr3t");
        ScpTenant tenant = ScpTenant.forProject(ScpTenant.newProjectId()).withKeys("key", "s3cr3t");
        assertThat(tenant.toString()).doesNotContain("s3cr3t");
        assertThat(tenant.credentials().toString()).doesNotContain("s3cr3t");
        assertThat(tenant.actions()).contains(ScpApi.SHOW_IMAGE.actionId());
    }
}
