package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.json.JsonSerde;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FactorsHandlerTest {

    private static final FactorCatalog CATALOG = FactorCatalog.hj212();

    private static JsonNode answer(Optional<String> q) {
        return JsonSerde.MAPPER.valueToTree(new FactorsHandler(CATALOG).answer(q));
    }

    @Test
    void withoutQListsEveryFactorOfTheCatalogWithNamesUnitMediumAndOldCode() {
        JsonNode body = answer(Optional.empty());
        assertThat(body.path("count").asInt()).isEqualTo(CATALOG.all().size()).isEqualTo(body.path("factors").size());
        assertThat(body.path("q").isNull()).isTrue();
        JsonNode cod = null;
        for (JsonNode factor : body.path("factors")) {
            if (factor.path("code").asText().equals("w01018")) {
                cod = factor;
            }
        }
        assertThat(cod).isNotNull();
        assertThat(cod.toString()).isEqualTo("{\"code\":\"w01018\",\"code_2005\":\"011\",\"medium\":\"water\","
            + "\"name_zh\":\"化学需氧量\",\"name_en\":\"Chemical oxygen demand (COD)\",\"unit\":\"mg/L\","
            + "\"unit_zh\":\"毫克/升\",\"total_unit\":\"kg\"}");
    }

    @Test
    void qKeepsTheFactorsWhoseCodeOldCodeOrNameContainsIt() {
        JsonNode mercury = answer(Optional.of("MERCURY"));
        assertThat(mercury.path("q").asText()).isEqualTo("MERCURY");
        assertThat(mercury.path("factors").findValuesAsText("code"))
            .contains("w20111", "w20142", "a20057", "a20058").hasSize(mercury.path("count").asInt());
        assertThat(answer(Optional.of("氨氮")).path("factors").findValuesAsText("code")).contains("w21003");
        assertThat(answer(Optional.of("a2102")).path("factors").findValuesAsText("code")).contains("a21026");
        assertThat(answer(Optional.of("B01")).path("factors").findValuesAsText("code")).contains("w00000");
        assertThat(answer(Optional.of("unobtainium")).path("count").asInt()).isZero();
    }

    @Test
    void aFactorWithoutAnOldCodeOrTotalUnitSaysNull() {
        JsonNode first = null;
        for (JsonNode factor : answer(Optional.empty()).path("factors")) {
            if (factor.path("code_2005").isNull() && first == null) {
                first = factor;
            }
        }
        assertThat(first).as("some 2017 factor has no 2005 code").isNotNull();
        assertThat(first.has("code_2005")).isTrue();
    }
}
