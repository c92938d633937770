package io.github.scptoolkit.image.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method (or every method of a controller) that is no operation of the spec but
 * must be signed like one: with checks on ({@code scp.auth.enabled}, the default), the signature
 * filter checks every request to the paths it is mapped to, with the same rules and answers as for
 * the spec's signed operations, and the handler learns the signer from {@link ScpCaller#current()}.
 * An unverified request never reaches it. The emulator's endpoint catalog is such a handler.
 *
 * <pre>
 * &#64;RestController
 * class CatalogController implements EndpointsApi {
 *     &#64;ScpSigned
 *     &#64;Override
 *     public ResponseEntity&lt;EndpointList&gt; listEndpoints() { ... }
 * }
 * </pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ScpSigned {
}
