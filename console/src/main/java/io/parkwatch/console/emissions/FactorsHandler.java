package io.parkwatch.console.emissions;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.factor.Factor;
import io.parkwatch.contracts.factor.FactorCatalog;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/factors?q=}: the HJ 212 factors the emission history can be asked about, with
 * their names, units, table and HJ/T 212-2005 code; {@code q} keeps those whose code, old code or
 * name contains it (case-insensitive).
 */
public final class FactorsHandler implements ApiAccess.CallerHandler {

    private static final Set<String> PARAMETERS = Set.of("q");

    private final FactorCatalog catalog;
    /** 2017 code → its 2005 code; the catalog maps the other way. */
    private final Map<String, String> oldCodes = new HashMap<>();

    public FactorsHandler(FactorCatalog catalog) {
        this.catalog = catalog;
        catalog.codes2005().forEach((old, code) -> oldCodes.putIfAbsent(code, old));
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        Optional<String> q;
        try {
            q = QueryParameters.of(exchange.getRequestURI(), PARAMETERS).text("q");
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        JsonResponses.send(exchange, 200, answer(q));
    }

    /** {@code {"q", "factors": [...], "count"}}, the factors in the order of the tables. */
    Map<String, Object> answer(Optional<String> q) {
        String wanted = q.map(text -> text.toLowerCase(Locale.ROOT)).orElse("");
        List<Map<String, Object>> factors = catalog.all().stream()
            .filter(factor -> wanted.isEmpty() || matches(factor, wanted))
            .map(this::describe)
            .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q.orElse(null));
        body.put("factors", factors);
        body.put("count", factors.size());
        return body;
    }

    private boolean matches(Factor factor, String wanted) {
        return factor.code().toLowerCase(Locale.ROOT).contains(wanted)
            || oldCodes.getOrDefault(factor.code(), "").toLowerCase(Locale.ROOT).contains(wanted)
            || factor.nameZh().contains(wanted)
            || factor.nameEn().toLowerCase(Locale.ROOT).contains(wanted);
    }

    private Map<String, Object> describe(Factor factor) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("code", factor.code());
        one.put("code_2005", oldCodes.get(factor.code()));
        one.put("medium", factor.medium().name().toLowerCase(Locale.ROOT));
        one.put("name_zh", factor.nameZh());
        one.put("name_en", factor.nameEn());
        one.put("unit", factor.unit());
        one.put("unit_zh", factor.unitZh());
        one.put("total_unit", factor.total().orElse(null));
        return one;
    }
}
