package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import feign.MethodMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.api.VersionsApi;

class PathSegmentContractTest {

    @ParameterizedTest(name = "''{0}'' is sent as ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "70a599e0-31e7-49b7-b260-868f441e862b | 70a599e0-31e7-49b7-b260-868f441e862b",
        "a/b                                  | a%2Fb",
        "100%                                 | 100%25",
        "\"a b\"                              | a%20b",
        "\"not a uuid/..\"                    | not%20a%20uuid%2F..",
        "../etc/passwd                        | ..%2Fetc%2Fpasswd",
        "a..b                                 | a..b",
        "a?b=c                                | a%3Fb%3Dc",
        "a#b                                  | a%23b",
        "a%2Fb                                | a%252Fb",
        "a%25b                                | a%2525b",
        "a+b                                  | a%2Bb",
        "a;b:c@d&e                            | a%3Bb%3Ac%40d%26e",
        "이미지                                | %EC%9D%B4%EB%AF%B8%EC%A7%80",
        "café                                 | caf%C3%A9",
        "~_.-                                 | ~_.-",
        "\"\tx\"                              | %09x",
    })
    void encodesOnePathSegmentAsTheVendorsSdk(String id, String expected) {
        assertThat(PathSegmentContract.encode("imageId", id)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "a\nb", "a\rb", "\r\n", ".", ".."})
    void refusesValuesThatCannotBeOneSegmentNamingTheParameter(String id) {
        assertThatThrownBy(() -> PathSegmentContract.encode("imageId", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("imageId");
    }

    @Test
    void everyPathParameterOfAnyGeneratedInterfaceGetsTheEncoderAndNothingElse() {
        List<MethodMetadata> images = new PathSegmentContract().parseAndValidateMetadata(ImagesApi.class);
        List<MethodMetadata> versions = new PathSegmentContract().parseAndValidateMetadata(VersionsApi.class);

        for (MethodMetadata md : images) {
            assertThat(md.template().decodeSlash()).isFalse();
            md.indexToName().forEach((index, names) -> {
                boolean inPath = md.template().path().contains("{" + names.iterator().next() + "}");
                assertThat(md.indexToExpander() != null && md.indexToExpander().containsKey(index))
                        .as(md.configKey() + " " + names).isEqualTo(inPath);
                if (inPath) {
                    assertThat(md.indexToExpander().get(index).expand("a/b")).isEqualTo("a%2Fb");
                }
            });
        }
        assertThat(images).anySatisfy(md -> assertThat(md.indexToExpander()).isNotEmpty());
        assertThat(versions).allSatisfy(md -> assertThat(md.indexToExpander()).isNullOrEmpty());
    }
}
