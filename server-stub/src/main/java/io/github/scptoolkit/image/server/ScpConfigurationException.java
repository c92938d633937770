package io.github.scptoolkit.image.server;

/**
 * A setting of the stub that cannot work, found at start-up: which property, what is wrong and
 * what to do. Spring Boot prints it as a failure analysis ("APPLICATION FAILED TO START",
 * Description, Action); the message never shows a secret key.
 *
 * <pre>
 * throw new ScpConfigurationException("scp.auth.credentials", "no credentials are configured",
 *         "set scp.auth.credentials[0].access-key and .secret-key");
 * </pre>
 */
public class ScpConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String action;

    /**
     * @param property the property (or prefix) at fault
     * @param description what is wrong, starting with the property
     * @param action what to do about it
     */
    public ScpConfigurationException(String property, String description, String action) {
        super(description + " " + action);
        this.property = property;
        this.action = action;
    }

    /** The property (or prefix) at fault, e.g. {@code scp.auth.allowed-hosts}. */
    public String property() {
        return property;
    }

    /** What is wrong (the message without the action). */
    public String description() {
        return getMessage().substring(0, getMessage().length() - action.length() - 1);
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
