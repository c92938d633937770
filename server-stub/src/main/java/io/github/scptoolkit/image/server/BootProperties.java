package io.github.scptoolkit.image.server;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** Spring Boot's binder, for the one setting needed before beans exist; loaded only when Boot is there. */
final class BootProperties {

    private BootProperties() {
    }

    /** {@code scp.versions.*} as Boot binds them (defaults for what is not set). */
    static ScpVersionsProperties versions(Environment environment) {
        return Binder.get(environment).bindOrCreate(ScpVersionsProperties.PREFIX, ScpVersionsProperties.class);
    }
}
