package io.parkwatch.contracts.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactorCatalogTest {

    /** Each unit as the standard writes it, and the ASCII symbol the table must use for it. */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("毫克/立方米", "mg/m3"),
        Map.entry("纳克/立方米", "ng/m3"), Map.entry("毫克/升", "mg/L"), Map.entry("微克/升", "ug/L"),
        Map.entry("纳克/升", "ng/L"), Map.entry("立方米/秒", "m3/s"), Map.entry("升/秒", "L/s"),
        Map.entry("米/秒", "m/s"), Map.entry("摄氏度", "degC"), Map.entry("千帕", "kPa"), Map.entry("平方米", "m2"),
        Map.entry("[角]度", "deg"), Map.entry("[色]度", "PCU"), Map.entry("微西[门子]/厘米", "uS/cm"),
        Map.entry("个/升", "count/L"), Map.entry("贝可[勒尔]/升", "Bq/L"), Map.entry("分贝", "dB"),
        Map.entry("吨/平方千米•月", "t/(km2*month)"), Map.entry("无量纲", "1"), Map.entry("%", "%"),
        Map.entry("千克", "kg"), Map.entry("克", "g"), Map.entry("毫克", "mg"), Map.entry("立方米", "m3"));

    private static final String HEADER = "code,medium,name_zh,name_en,unit,total_unit,unit_zh,total_unit_zh\n";
    private static final String SO2 = "a21026,air,二氧化硫,Sulfur dioxide,mg/m3,kg,毫克/立方米,千克\n";

    private final FactorCatalog catalog = FactorCatalog.hj212();

    @Test
    void everyRowIsWellFormedWithNamesAndAUnitTheStandardWrites() {
        List<Factor> factors = catalog.all();
        assertThat(factors).hasSizeGreaterThan(190);
        Set<String> codes = new HashSet<>();
        for (Factor factor : factors) {
            assertThat(codes.add(factor.code())).as("duplicate %s", factor.code()).isTrue();
            assertThat(factor.code()).matches(switch (factor.medium()) {
                case WATER -> "w[0-9]{5}";
                case AIR -> "a[0-9]{5}";
                case NOISE -> "L[A-Za-z0-9]{1,2}";
            });
            assertThat(factor.nameZh()).as(factor.code()).isNotBlank();
            assertThat(factor.nameEn()).as(factor.code()).isNotBlank().matches("[\\x20-\\x7E]+");
            assertThat(SYMBOLS).as("unit of %s", factor.code()).containsEntry(factor.unitZh(), factor.unit());
            if (!factor.totalUnit().isEmpty()) {
                assertThat(SYMBOLS).as("total unit of %s", factor.code())
                    .containsEntry(factor.totalUnitZh(), factor.totalUnit());
            }
        }
    }

    @Test
    void every2005CodeMapsToA2017CodeOfTheTable() {
        assertThat(catalog.codes2005()).hasSizeGreaterThan(90);
        catalog.codes2005().forEach((old, code) -> assertThat(catalog.byCode(code)).as(old).isPresent());
    }

    @Test
    void theCodesTheIssueAndTheSimulatorUseAreThereWithTheStandardsUnits() {
        assertThat(catalog.byCode("a21004")).get().extracting(Factor::unit, Factor::totalUnit, Factor::nameEn)
            .containsExactly("mg/m3", "kg", "Nitrogen dioxide");
        assertThat(catalog.byCode("a05002")).get().extracting(Factor::nameZh, Factor::unit).containsExactly("甲烷", "ng/m3");
        assertThat(catalog.byCode("w01009")).get().extracting(Factor::unit, Factor::total)
            .containsExactly("mg/L", java.util.Optional.empty());
        assertThat(catalog.byCode("w01010")).get().extracting(Factor::unit).isEqualTo("degC");
        assertThat(catalog.byCode("LA")).get().extracting(Factor::medium, Factor::unit)
            .containsExactly(FactorMedium.NOISE, "dB");
        for (String code : List.of("a00000", "a01012", "a19001", "a21002", "a21026", "a34013", "w00000", "w01001",
                "w01018", "w21003")) {
            assertThat(catalog.byCode(code)).as(code).isPresent();
        }
        assertThat(catalog.byCode("a99054")).isEmpty();
    }

    @Test
    void oldCodesTranslateAsTheStandardsOriginalCodeColumnSays() {
        assertThat(catalog.code2017("01")).contains("a34013");
        assertThat(catalog.code2017("02")).contains("a21026");
        assertThat(catalog.code2017("03")).contains("a21002");
        assertThat(catalog.byCode2005("023")).get().extracting(Factor::code, Factor::nameZh, Factor::unit)
            .containsExactly("w20116", "总铬", "mg/L");
        assertThat(catalog.code2017("B02")).contains("a00000");
        assertThat(catalog.code2017("S01")).contains("a19001");
        assertThat(catalog.code2017("a21026")).isEmpty();
    }

    @Test
    void namesWithCommasAreReadWhole() {
        assertThat(catalog.byCode("a24018")).get().extracting(Factor::nameZh, Factor::nameEn)
            .containsExactly("1,1,1-三氯乙烷", "1,1,1-Trichloroethane");
    }

    @Test
    void aDuplicateCodeIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read(HEADER + SO2 + SO2, "code_2005,code_2017\n"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(FactorCatalog.FACTORS + ":3: code a21026 appears twice");
    }

    @Test
    void aBadRowIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read(HEADER + "a2102,air,x,y,mg/m3,,毫克/立方米,\n", "code_2005,code_2017\n"))
            .hasMessageStartingWith(FactorCatalog.FACTORS + ":2: code 'a2102'");
        assertThatThrownBy(() -> read(HEADER + "a21026,soil,x,y,mg/m3,,毫克/立方米,\n", "code_2005,code_2017\n"))
            .hasMessageContaining("medium 'soil'");
        assertThatThrownBy(() -> read(HEADER + "a21026,air,,y,mg/m3,,毫克/立方米,\n", "code_2005,code_2017\n"))
            .hasMessageContaining("name_zh");
        assertThatThrownBy(() -> read(HEADER + "a21026,air,x,y,mg/m3,kg,毫克/立方米,\n", "code_2005,code_2017\n"))
            .hasMessageContaining("total_unit");
    }

    @Test
    void an2005CodeMappingToAnUnknownCodeIsRefused() {
        assertThatThrownBy(() -> read(HEADER + SO2, "code_2005,code_2017\n02,a21026\n03,a21002\n"))
            .hasMessage(FactorCatalog.CODES_2005 + ":3: 2005 code 03 maps to a21002, which is not in "
                + FactorCatalog.FACTORS);
    }

    private static FactorCatalog read(String factors, String codes2005) throws IOException {
        return FactorCatalog.read(new StringReader(factors), new StringReader(codes2005));
    }
}
