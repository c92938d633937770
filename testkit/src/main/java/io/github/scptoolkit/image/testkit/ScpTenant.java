package io.github.scptoolkit.image.testkit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;

/**
 * A tenant of the emulator: a key pair acting for one project, allowed some actions (the spec's
 * {@code x-action-id}s). {@link ScpEmulator#putTenant} adds one for the current test; the
 * signature check accepts its key at once and the emulator shows it what its project may see.
 * {@link #toString()} never shows the secret key.
 *
 * <pre>
 * ScpTenant other = emulator.putTenant(ScpTenant.forProject(ScpTenant.newProjectId()));
 * ScpImageClient asOther = emulator.clientBuilder().credentials(other.credentials()).build();
 * ScpTenant readOnly = emulator.putTenant(ScpTenant.forProject(project).withActions());  // every call a 403
 * </pre>
 *
 * @param accessKey the access key, sent as {@code Scp-Accesskey}
 * @param secretKey the secret key the requests are signed with
 * @param projectId the project the key acts for: 32 lower-case hex characters, as SCP project ids
 *        (and {@code Scp-AccountId}) are
 * @param actions the actions the key may perform, e.g. {@code ScpApi.SHOW_IMAGE.actionId()}
 */
public record ScpTenant(String accessKey, String secretKey, String projectId, Set<String> actions) {

    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @throws IllegalArgumentException for a blank key or secret, or a project id that is not 32
     *         lower-case hex characters
     */
    public ScpTenant {
        requireText(accessKey, "accessKey");
        requireText(secretKey, "secretKey");
        Objects.requireNonNull(projectId, "projectId");
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw new IllegalArgumentException("projectId must be 32 lower-case hex characters (an SCP project id): "
                    + projectId);
        }
        actions = Set.copyOf(Objects.requireNonNull(actions, "actions"));
    }

    /** A tenant of {@code projectId} with a new random key pair, allowed every action of the spec's operations. */
    public static ScpTenant forProject(String projectId) {
        Set<String> all = new LinkedHashSet<>();
        for (ScpOperation operation : ScpApi.operations()) {
            if (operation.actionId() != null) {
                all.add(operation.actionId());
            }
        }
        return new ScpTenant("kit-" + random(8), random(16), projectId, all);
    }

    /** A new random project id (32 lower-case hex characters): a project no image of the bundled catalog belongs to. */
    public static String newProjectId() {
        return random(16);
    }

    /** The same tenant allowed exactly {@code actionIds} (none: every signed operation is a 403). */
    public ScpTenant withActions(String... actionIds) {
        return new ScpTenant(accessKey, secretKey, projectId, Set.of(actionIds));
    }

    /** The same tenant with another key pair. */
    public ScpTenant withKeys(String accessKey, String secretKey) {
        return new ScpTenant(accessKey, secretKey, projectId, actions);
    }

    /** The key pair for the client, signing for the tenant's project ({@code Scp-AccountId}). */
    public ScpCredentials credentials() {
        return ScpCredentials.of(accessKey, secretKey, projectId);
    }

    /** Shows the access key, project and actions; the secret key is always masked. */
    @Override
    public String toString() {
        return "ScpTenant[accessKey=" + accessKey + ", secretKey=****, projectId=" + projectId + ", actions=" + actions
                + "]";
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
