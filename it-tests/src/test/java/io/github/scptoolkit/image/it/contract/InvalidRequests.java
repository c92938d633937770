package io.github.scptoolkit.image.it.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (method or class) that sends requests the spec does not allow on purpose (unsigned,
 * bad versions, over-long ids, other methods): the contract check then skips its REQUESTS. Its
 * responses are still checked against the spec.
 *
 * <pre>
 * &#64;InvalidRequests
 * &#64;Test
 * void unsignedRequestIsUnauthorized() { ... }
 * </pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface InvalidRequests {
}
