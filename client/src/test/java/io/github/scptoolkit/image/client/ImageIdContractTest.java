package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIdContractTest {

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
        assertThat(ImageIdContract.encode(id)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "a\nb", "a\rb", "\r\n", ".", ".."})
    void refusesIdsThatCannotBeOneSegment(String id) {
        assertThatThrownBy(() -> ImageIdContract.encode(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("imageId");
    }
}
