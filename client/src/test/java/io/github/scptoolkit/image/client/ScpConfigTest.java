package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.scptoolkit.image.client.ScpConfig.Setting;

/**
 * The configuration chain on a temporary configuration directory and an injected environment
 * (the process's is never read or changed): code, then this toolkit's variables, then the
 * vendor's {@code SCP_TF_*}, then the files; files that cannot be used are errors naming them and
 * the line; secrets never show.
 */
class ScpConfigTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            {
              "auth-url": "http://127.0.0.1:8080/v1",
              "default-region": "kr-west1",
              "account-id": "a8f10467abfc4b87b64614ab36eb9ae4",
              "endpoint-override": "http://file.example:1",
              "max-remain-days": 30,
              "microversion-check-timeout": 15
            }
            """;
    private static final String CREDENTIALS = """
            {"access-key": "file-key", "secret-key": "file-secret", "auth-token": ""}
            """;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put(ScpConfig.CONFIG_DIR_VARIABLE, dir.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    @Test
    void filesAloneGiveEverySettingWithItsFileAndLine() throws IOException {
        write(ScpConfig.CONFIG_FILE, CONFIG);
        write(ScpConfig.CREDENTIALS_FILE, CREDENTIALS);

        ScpConfig config = ScpConfig.load(env());

        assertThat(config.authUrl()).contains("http://127.0.0.1:8080/v1");
        assertThat(config.defaultRegion()).contains("kr-west1");
        assertThat(config.accountId()).contains("a8f10467abfc4b87b64614ab36eb9ae4");
        assertThat(config.endpoint()).contains("http://file.example:1");
        assertThat(config.maxRemainDays()).isEqualTo(30);
        assertThat(config.region()).isEmpty();
        assertThat(config.credentials()).contains(ScpCredentials.of("file-key", "file-secret",
                "a8f10467abfc4b87b64614ab36eb9ae4"));
        assertThat(config.source(Setting.AUTH_URL)).contains(dir.resolve("config.json") + " line 2");
        assertThat(config.source(Setting.SECRET_KEY)).contains(dir.resolve("credentials.json") + " line 1");
    }

    @Test
    void ourVariablesWinOverTheVendorsWhichWinOverTheFiles() throws IOException {
        write(ScpConfig.CONFIG_FILE, CONFIG);
        write(ScpConfig.CREDENTIALS_FILE, CREDENTIALS);

        ScpConfig vendor = ScpConfig.load(env("SCP_TF_AUTH_URL", "http://tf:1/v1", "SCP_TF_ACCESS_KEY", "tf-key",
                "SCP_TF_SECRET_KEY", "tf-secret", "SCP_TF_DEFAULT_REGION", "kr-east1", "SCP_TF_MAX_REMAIN_DAYS", "7",
                "SCP_TF_ENDPOINT_OVERRIDE", "http://tf:2", "SCP_TF_ACCOUNT_ID", "0123456789abcdef0123456789abcdef"));
        ScpConfig ours = ScpConfig.load(env("SCP_TF_AUTH_URL", "http://tf:1/v1", "SCP_AUTH_URL", "http://ours:1/v1",
                "SCP_TF_ACCESS_KEY", "tf-key", "SCP_ACCESS_KEY", "our-key", "SCP_SECRET_KEY", "our-secret",
                "SCP_ENDPOINT", "http://ours:2", "SCP_REGION", "kr-south1", "SCP_ACCOUNT_ID", "fedcba9876543210fedcba9876543210"));

        assertThat(vendor.authUrl()).contains("http://tf:1/v1");
        assertThat(vendor.source(Setting.AUTH_URL)).contains("environment variable SCP_TF_AUTH_URL");
        assertThat(vendor.credentials().orElseThrow().accessKey()).isEqualTo("tf-key");
        assertThat(vendor.defaultRegion()).contains("kr-east1");
        assertThat(vendor.maxRemainDays()).isEqualTo(7);
        assertThat(vendor.endpoint()).contains("http://tf:2");
        assertThat(vendor.accountId()).contains("0123456789abcdef0123456789abcdef");
        assertThat(ours.authUrl()).contains("http://ours:1/v1");
        assertThat(ours.credentials()).contains(ScpCredentials.of("our-key", "our-secret", "fedcba9876543210fedcba9876543210"));
        assertThat(ours.endpoint()).contains("http://ours:2");
        assertThat(ours.region()).contains("kr-south1");
        assertThat(ours.defaultRegion()).as("still from the file").contains("kr-west1");
    }

    @Test
    void aValueGivenInCodeWinsOverEverySourceAndEmptyVariablesCountAsUnset() throws IOException {
        write(ScpConfig.CONFIG_FILE, CONFIG);

        ScpConfig config = ScpConfig.load(env("SCP_AUTH_URL", "", "SCP_TF_AUTH_URL", "  "))
                .with(Setting.REGION, "kr-west9", "option --region")
                .with(Setting.DEFAULT_REGION, null, "ignored");

        assertThat(config.authUrl()).as("from the file: empty variables are unset").contains("http://127.0.0.1:8080/v1");
        assertThat(config.region()).contains("kr-west9");
        assertThat(config.source(Setting.REGION)).contains("option --region");
        assertThat(config.defaultRegion()).contains("kr-west1");
    }

    @Test
    void theDirectoryIsScpConfigDirElseScpconfInHome(@TempDir Path home) {
        assertThat(ScpConfig.directory(Map.of("SCP_CONFIG_DIR", dir.toString(), "HOME", home.toString()))).isEqualTo(dir);
        assertThat(ScpConfig.directory(Map.of("HOME", home.toString(), "USERPROFILE", home.toString())))
                .isEqualTo(home.resolve(".scpconf"));
        assertThat(ScpConfig.directory(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".scpconf"));
    }

    @Test
    void missingAndEmptyFilesAreSkipped() throws IOException {
        assertThat(ScpConfig.load(env()).toString()).isEqualTo("ScpConfig[]");
        write(ScpConfig.CONFIG_FILE, "  \n");

        ScpConfig config = ScpConfig.load(env());

        assertThat(config.authUrl()).isEmpty();
        assertThat(config.credentials()).isEmpty();
        assertThat(config.maxRemainDays()).isEqualTo(ScpConfig.DEFAULT_MAX_REMAIN_DAYS).isEqualTo(90);
    }

    @Test
    void invalidJsonIsAnErrorNamingTheFileAndLine() throws IOException {
        write(ScpConfig.CONFIG_FILE, "{\n  \"auth-url\": \"http://x/v1\",\n  \"default-region\": kr-west1\n}");

        ScpConfigException e = catchThrowableOfType(ScpConfigException.class, () -> ScpConfig.load(env()));

        assertThat(e.getMessage()).startsWith(dir.resolve("config.json") + " line 3, column").contains("not valid JSON");
        assertThat(e.file()).contains(dir.resolve("config.json"));
    }

    @Test
    void invalidCredentialsJsonNamesTheLineButNeverQuotesTheFile() throws IOException {
        write(ScpConfig.CREDENTIALS_FILE, "{\"access-key\": \"k\",\n \"secret-key\": S3cr3tValue}");

        ScpConfigException e = catchThrowableOfType(ScpConfigException.class, () -> ScpConfig.load(env()));

        assertThat(e.getMessage()).isEqualTo(dir.resolve("credentials.json") + " line 2, column 16: not valid JSON");
        assertThat(e).hasNoCause();
        assertThat(e.toString()).doesNotContain("S3cr3t");
    }

    @Test
    void valuesOfTheWrongTypeAndFilesThatAreNoObjectAreErrorsWithTheLine() throws IOException {
        write(ScpConfig.CONFIG_FILE, "{\n\"max-remain-days\": \"ninety\"}");
        assertThatThrownBy(() -> ScpConfig.load(env())).isInstanceOf(ScpConfigException.class)
                .hasMessage(dir.resolve("config.json") + " line 2, column 20: \"max-remain-days\" must be a whole number, not a string");

        write(ScpConfig.CONFIG_FILE, "{\"auth-url\": [\"http://x\"]}");
        assertThatThrownBy(() -> ScpConfig.load(env())).hasMessageContaining("\"auth-url\" must be a string, not an array");

        write(ScpConfig.CONFIG_FILE, "[]");
        assertThatThrownBy(() -> ScpConfig.load(env())).hasMessageContaining("config.json line 1, column 1: is not a JSON object");

        write(ScpConfig.CONFIG_FILE, "{\"auth-url\": \"a\", \"auth-url\": \"b\"}");
        assertThatThrownBy(() -> ScpConfig.load(env())).hasMessageContaining("config.json line 1").hasMessageContaining("Duplicate");

        write(ScpConfig.CONFIG_FILE, "{} {}");
        assertThatThrownBy(() -> ScpConfig.load(env())).hasMessageContaining("has content after its JSON object");
    }

    @Test
    void aFileThatCannotBeReadIsAnError() throws IOException {
        Files.createDirectory(dir.resolve(ScpConfig.CONFIG_FILE));

        assertThatThrownBy(() -> ScpConfig.load(env())).isInstanceOf(ScpConfigException.class)
                .hasMessage(dir.resolve("config.json") + " cannot be read: it is a directory");
    }

    @Test
    void aVariableThatIsNoNumberNamesItself() {
        assertThatThrownBy(() -> ScpConfig.load(env("SCP_TF_MAX_REMAIN_DAYS", "soon")))
                .isInstanceOf(ScpConfigException.class)
                .hasMessage("max-remain-days (from environment variable SCP_TF_MAX_REMAIN_DAYS) must be a whole number of days"
                        + " (0 or more), not 'soon'");
    }

    @Test
    void halfAKeyPairSaysWhatIsMissingAndWhereTheOtherHalfCameFromWithoutValues() throws IOException {
        write(ScpConfig.CREDENTIALS_FILE, "{\"secret-key\": \"S3cr3t\"}");

        ScpConfigException e = catchThrowableOfType(ScpConfigException.class, () -> ScpConfig.load(env()).credentials());

        assertThat(e.getMessage()).isEqualTo("the secret-key is set (from " + dir.resolve("credentials.json")
                + " line 1) but no access-key is: set SCP_ACCESS_KEY, SCP_TF_ACCESS_KEY or \"access-key\" in ~/.scpconf/credentials.json");
    }

    @Test
    void toStringShowsEverySourceAndNeverTheSecret() throws IOException {
        write(ScpConfig.CREDENTIALS_FILE, CREDENTIALS);

        String shown = ScpConfig.load(env("SCP_SECRET_KEY", "env-S3cr3t", "SCP_ACCESS_KEY", "env-key")).toString();

        assertThat(shown).contains("access-key=env-key (environment variable SCP_ACCESS_KEY)",
                "secret-key=**** (environment variable SCP_SECRET_KEY)").doesNotContain("S3cr3t", "file-secret");
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void everySettingHasAVariableOrAFileKey(Setting setting) {
        assertThat(setting.variable().or(setting::vendorVariable)).isPresent();
        assertThat(setting.displayName()).isNotBlank();
        assertThat(setting.file().isPresent()).isEqualTo(setting.key().isPresent());
    }
}
