package io.github.scptoolkit.image.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;

/**
 * Sends {@code image_id} as exactly one path segment, encoded as the vendor's SDK encodes it, so
 * both SDKs put the same URL on the wire and sign the same string.
 *
 * <p>Feign alone cannot: its path encoding leaves anything that already looks percent-encoded
 * alone (the id {@code a%2Fb} would be sent as the id {@code a/b}) and the generated
 * {@code @RequestLine} decodes {@code %2F} back to {@code /}. So this contract (Feign's default
 * one underneath) turns slash decoding off and gives the {@code imageId} parameter an
 * {@link Param.Expander} that percent-encodes every byte outside RFC 3986's unreserved set
 * ({@code A-Z a-z 0-9 - . _ ~}) as UTF-8; Feign leaves such output unchanged.
 *
 * <p>Ids that cannot be sent as one segment are refused before anything is sent, with an
 * {@link IllegalArgumentException}: null, blank, containing CR or LF, or exactly {@code .} or
 * {@code ..} (which every server would resolve as a relative path).
 */
final class ImageIdContract implements Contract {

    static final String IMAGE_ID_PARAM = "imageId";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Contract delegate = new Contract.Default();

    @Override
    public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
        List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
        for (MethodMetadata md : methods) {
            md.template().decodeSlash(false);
            Map<Integer, Param.Expander> expanders = new HashMap<>();
            if (md.indexToExpander() != null) {
                expanders.putAll(md.indexToExpander());
            }
            md.indexToName().forEach((index, names) -> {
                if (names.contains(IMAGE_ID_PARAM)) {
                    expanders.put(index, value -> encode(String.valueOf(value)));
                }
            });
            md.indexToExpander(expanders);
        }
        return methods;
    }

    /** Checks that {@code imageId} can be sent; returns it. */
    static String requireValid(String imageId) {
        if (imageId == null) {
            throw new IllegalArgumentException("imageId is required");
        }
        if (imageId.isBlank()) {
            throw new IllegalArgumentException("imageId must not be blank");
        }
        if (imageId.indexOf('\r') >= 0 || imageId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("imageId must not contain CR or LF");
        }
        if (imageId.equals(".") || imageId.equals("..")) {
            throw new IllegalArgumentException("imageId must not be '.' or '..'");
        }
        return imageId;
    }

    /** The id as one percent-encoded path segment, e.g. {@code not a uuid/..} → {@code not%20a%20uuid%2F..}. */
    static String encode(String imageId) {
        requireValid(imageId);
        byte[] bytes = imageId.getBytes(StandardCharsets.UTF_8);
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
