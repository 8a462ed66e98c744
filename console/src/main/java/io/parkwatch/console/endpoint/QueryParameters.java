package io.parkwatch.console.endpoint;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The query string of a request, read strictly: unknown, repeated or malformed parameters are refused by name. */
public final class QueryParameters {

    /** Identifiers (park, enterprise, point, metric) as the registry spells them; nothing to escape. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParameters of(URI uri, Set<String> known) throws BadParameterException {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!known.contains(name)) {
                    throw new BadParameterException(name, "unknown parameter " + name + "; known: "
                        + String.join(", ", known.stream().sorted().toList()));
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new BadParameterException(name, "parameter " + name + " is given more than once");
                }
            }
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The value, absent when missing or empty. */
    public Optional<String> text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** An identifier such as an enterprise or point id. */
    public Optional<String> identifier(String name) throws BadParameterException {
        Optional<String> value = text(name);
        if (value.isPresent() && !IDENTIFIER.matcher(value.get()).matches()) {
            throw new BadParameterException(name, name + " must be 1-64 letters, digits or _ . : -, got \""
                + value.get() + "\"");
        }
        return value;
    }

    /** An instant: ISO-8601 with an offset ({@code 2026-11-23T08:00:00+08:00}) or a date, midnight in {@code zone}. */
    public Optional<Instant> instant(String name, ZoneId zone) throws BadParameterException {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, name + " must be an ISO-8601 time with offset "
                + "(2026-11-23T08:00:00+08:00, 2026-11-23T00:00:00Z) or a date (2026-11-23), got \"" + text + "\"");
        }
    }
}
