package io.github.scptoolkit.image.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.reference.EmulatorControl;
import io.github.scptoolkit.image.spec.ScpApi;

/**
 * Images for the emulator, built from its seed image: the first image of the bundled catalog (the
 * vendor's example image, {@code private}, owned by the demo tenant's project), with the fields of
 * every version of the spec. Change what the test is about and {@link ScpEmulator#putImage put} it;
 * the emulator checks it against the spec's model as it checks its catalog file.
 *
 * <pre>
 * Image mine = emulator.putImage(ScpImages.seed().id("my-image"));                          // owned by the demo project
 * emulator.putImage(ScpImages.seed().id("theirs").owner(ScpTenant.newProjectId()));        // a 404 for the demo tenant
 * emulator.putImage(ScpImages.seed().id("shared").owner(other).visibility("shared").sharedWith(demoProject));
 * emulator.putImage(ScpImages.seed().id("gpu").field("scp_gpu_driver", "550.54.15"));
 * </pre>
 */
public final class ScpImages {

    private static final ObjectMapper JSON = ScpJson.newMapper();
    private static final Set<String> FIELDS = ScpApi.SHOW_IMAGE.responseModel().fieldNames();
    private static volatile ObjectNode seed;

    private ScpImages() {
    }

    /** A builder starting from the seed image (a copy: changing it never changes the seed). */
    public static Builder seed() {
        return new Builder(seedNode().deepCopy());
    }

    /** The seed image's id: the image the demo tenant sees in every version. */
    public static String seedId() {
        return seedNode().get(Image.JSON_PROPERTY_ID).asText();
    }

    private static ObjectNode seedNode() {
        ObjectNode node = seed;
        if (node == null) {
            try {
                node = (ObjectNode) JSON.readTree(EmulatorControl.seedImageJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the emulator's seed image is not JSON", e);
            }
            seed = node;
        }
        return node;
    }

    /**
     * An image for {@link ScpEmulator#putImage}: the seed image with some fields changed, and the
     * projects it is shared with. Each call changes this builder and returns it.
     */
    public static final class Builder {

        private final ObjectNode image;
        private final List<String> members = new ArrayList<>();

        private Builder(ObjectNode image) {
            this.image = image;
        }

        /** The image id (any string; SCP issues UUIDs). */
        public Builder id(String id) {
            return field(Image.JSON_PROPERTY_ID, Objects.requireNonNull(id, "id"));
        }

        /** The owner project: the demo tenant sees a {@code private} image only when its project owns it. */
        public Builder owner(String projectId) {
            return field(Image.JSON_PROPERTY_OWNER, projectId);
        }

        /**
         * Who may see it, as in OpenStack Glance: {@code private} (the owner project), {@code shared}
         * (the owner and {@link #sharedWith} projects), {@code public} and {@code community} (everyone).
         */
        public Builder visibility(String visibility) {
            return field(Image.JSON_PROPERTY_VISIBILITY, visibility);
        }

        /** The image name. */
        public Builder name(String name) {
            return field(Image.JSON_PROPERTY_NAME, name);
        }

        /** The image status, e.g. {@code active} or {@code queued}. */
        public Builder status(String status) {
            return field(Image.JSON_PROPERTY_STATUS, status);
        }

        /** The projects a {@code shared} image is shared with (emulator metadata, never in an answer). */
        public Builder sharedWith(String... projectIds) {
            members.addAll(Arrays.asList(projectIds));
            return this;
        }

        /**
         * Any field of the spec's image model by its JSON name ({@code null} for JSON null), e.g. a
         * field only a newer version sends; the value must be valid for the field when the image is put.
         *
         * @throws IllegalArgumentException for a name the spec's model does not define
         */
        public Builder field(String name, Object value) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a field of the spec's "
                        + ScpApi.SHOW_IMAGE.resource() + " model; its fields: " + FIELDS);
            }
            image.set(name, JSON.valueToTree(value));
            return this;
        }

        /** The image as the client's model (every field of every version). */
        public Image toImage() {
            try {
                return JSON.treeToValue(image, Image.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the image does not fit the client's model: " + e.getOriginalMessage(), e);
            }
        }

        String json() {
            return image.toString();
        }

        List<String> members() {
            return List.copyOf(members);
        }

        /** The image's JSON (no secret in it). */
        @Override
        public String toString() {
            return json();
        }
    }
}
