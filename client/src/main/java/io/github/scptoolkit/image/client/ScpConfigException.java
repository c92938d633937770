package io.github.scptoolkit.image.client;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A setting of the SCP configuration chain ({@link ScpConfig}) cannot be used: a configuration file
 * that exists but cannot be read or is not valid JSON, a value of the wrong type, a URL that is not
 * one. The message names the file (and line) or the variable the value came from, never a secret.
 *
 * <pre>
 * try {
 *     ScpConfig config = ScpConfig.load();
 * } catch (ScpConfigException e) {
 *     System.err.println(e.getMessage());   // e.g. "/home/me/.scpconf/config.json line 3: ..."
 * }
 * </pre>
 */
public class ScpConfigException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** An error about {@code file}, or about a variable or value when {@code file} is null. */
    public ScpConfigException(String message, Path file) {
        super(message);
        this.file = file;
    }

    ScpConfigException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The configuration file at fault, when the value came from one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
