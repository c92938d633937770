package io.github.scptoolkit.image.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;

/**
 * Sends each path parameter of every generated method (today {@code image_id}) as exactly one
 * path segment, encoded as the vendor's SDK encodes it, so both SDKs put the same URL on the wire
 * and sign the same string. It applies to any generated interface: the parameters are those
 * whose {@code {name}} appears in the method's path template.
 *
 * <p>Feign alone cannot: its path encoding leaves anything that already looks percent-encoded
 * alone (the id {@code a%2Fb} would be sent as the id {@code a/b}) and the generated
 * {@code @RequestLine} decodes {@code %2F} back to {@code /}. So this contract (Feign's default
 * one underneath) turns slash decoding off and gives each path parameter an
 * {@link Param.Expander} that percent-encodes every byte outside RFC 3986's unreserved set
 * ({@code A-Z a-z 0-9 - . _ ~}) as UTF-8; Feign leaves such output unchanged.
 *
 * <p>Values that cannot be sent as one segment are refused before anything is sent, with an
 * {@link IllegalArgumentException} naming the parameter: null, blank, containing CR or LF, or
 * exactly {@code .} or {@code ..} (which every server would resolve as a relative path).
 */
final class PathSegmentContract implements Contract {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Contract delegate = new Contract.Default();

    @Override
    public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
        List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
        for (MethodMetadata md : methods) {
            md.template().decodeSlash(false);
            String path = md.template().path();
            Map<Integer, Param.Expander> expanders = new HashMap<>();
            if (md.indexToExpander() != null) {
                expanders.putAll(md.indexToExpander());
            }
            md.indexToName().forEach((index, names) -> {
                String pathParameter = pathParameter(path, names);
                if (pathParameter != null) {
                    expanders.put(index, value -> encode(pathParameter, String.valueOf(value)));
                }
            });
            md.indexToExpander(expanders);
        }
        return methods;
    }

    private static String pathParameter(String path, Collection<String> names) {
        for (String name : names) {
            if (path.contains("{" + name + "}")) {
                return name;
            }
        }
        return null;
    }

    /** Checks that the value of the path parameter {@code name} can be sent as one segment; returns it. */
    static String requireValid(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must not contain CR or LF");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(name + " must not be '.' or '..'");
        }
        return value;
    }

    /** The value as one percent-encoded path segment, e.g. {@code not a uuid/..} → {@code not%20a%20uuid%2F..}. */
    static String encode(String name, String value) {
        requireValid(name, value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.write(c);
            } else {
                out.write('%');
                out.write(HEX[c >> 4]);
                out.write(HEX[c & 0xf]);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
