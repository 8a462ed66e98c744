package io.parkwatch.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    @TempDir
    Path dir;

    private ApiTokens load(String text) throws Exception {
        Path file = dir.resolve("api-tokens.properties");
        Files.writeString(file, text);
        return ApiTokens.load(file);
    }

    @Test
    void mapsEachTokenToItsRoleAndEnterprise() throws Exception {
        String hashed = HexFormat.of().formatHex(ApiTokens.sha256("bureau-secret-0123456789"));
        ApiTokens tokens = load("ops=operator:operator-secret-0123\n"
            + "bureau=bureau:sha256:" + hashed + "\n"
            + "e001=enterprise:e001:enterprise-secret-01\n");
        assertThat(tokens.fromHeader("Bearer operator-secret-0123"))
            .contains(new Caller("ops", Role.OPERATOR, Optional.empty()));
        assertThat(tokens.fromHeader("bearer bureau-secret-0123456789")).map(Caller::role).contains(Role.BUREAU);
        assertThat(tokens.fromHeader("Bearer enterprise-secret-01"))
            .contains(new Caller("e001", Role.ENTERPRISE, Optional.of("e001")));
    }

    @Test
    void unknownOrMissingTokensMatchNobody() throws Exception {
        ApiTokens tokens = load("ops=operator:operator-secret-0123\n");
        assertThat(tokens.fromHeader("Bearer operator-secret-0124")).isEmpty();
        assertThat(tokens.fromHeader("Basic b3BzOnNlY3JldA==")).isEmpty();
        assertThat(tokens.fromHeader(null)).isEmpty();
        assertThat(ApiTokens.none().fromHeader("Bearer operator-secret-0123")).isEmpty();
    }

    @Test
    void aMalformedLineIsRefusedNamingItsLabel() {
        assertThatThrownBy(() -> load("bad=admin:whatever-secret-123\n"))
            .hasMessageContaining("\"bad\"").hasMessageContaining("operator, bureau or enterprise");
        assertThatThrownBy(() -> load("short=bureau:tiny\n")).hasMessageContaining("\"short\"")
            .hasMessageContaining("16 characters");
        assertThatThrownBy(() -> load("firm=enterprise::enterprise-secret-01\n")).hasMessageContaining("\"firm\"");
    }
}
