package io.parkwatch.bench.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Malformed requests to every endpoint of docs/api.md: hostile query values, huge or broken
 * bodies, bad or missing tokens, wrong methods, path traversal. An answer breaks the contract
 * when it is a 5xx (the health probes' 503 aside: their "not ready"), a 4xx without a JSON
 * {@code error}, or a body naming an exception or a stack frame.
 */
public final class ApiFuzz {

    private static final String[] ENDPOINTS = {"/", "/console/app.js", "/api/v1/health", "/health/live",
        "/health/ready", "/api/v1/overview", "/metrics", "/api/v1/alerts", "/api/v1/alerts/stream",
        "/api/v1/alerts/a-1/ack", "/api/v1/me", "/api/v1/parks", "/api/v1/coverage/board", "/api/v1/points/series",
        "/api/v1/map", "/api/v1/emissions", "/api/v1/factors", "/api/v1/coverage"};
    private static final String[] PARAMETERS = {"park", "enterprise", "point", "severity", "state", "since", "limit",
        "pollutant", "from", "to", "interval", "format", "tz", "metric", "hours", "q", "x"};
    private static final String[] VALUES = {"", "%27", "%22%3B%20DROP%20MEASUREMENT%20readings", "%", "%zz", "%00",
        "%0d%0aX-Injected:%201", "1e999", "-1", "NaN", "0", "99999999999999999999", "2026-13-45", "..%2F..%2Fetc",
        "%E4%BD%A0%E5%A5%BD", "%FF%FE", "a%2Cb%2C%2C", "%2F%2F%2F", "true", "1001", "168.5", "Europe%2FNowhere",
        "2026-11-23T08:00:00%2B99:00", "*", "%5B%5D", "regex%2F.*%2F"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW",
        "GET"};
    private static final String[] TRAVERSALS = {"/../../../../etc/passwd", "/console/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd", "/console/..%2F..%2F..%2Fetc%2Fpasswd", "//etc/passwd", "/api/v1/../../etc/passwd",
        "/console/%00.js", "/api/v1/alerts/..%2F..%2Fme/ack", "/api/v1/alerts/%0a/ack", "/console/.%2e/pom.xml",
        "/api/v1/alerts/" + "a".repeat(5000) + "/ack", "/api/v1/%E4%BD%A0", "/api/v2/alerts", "/api/v1/alerts/"};
    /** Request lines no URI parser or HTTP parser accepts: each must still get a JSON 4xx. */
    private static final String[] BAD_TARGETS = {"/api/v1/alerts?x=%", "/api/v1/alerts?x=%zz", "/api/v1/%zz",
        "/a b", "/api/v1/alerts?x=\u0001", "/api/v1/overview?x=\u007f", "/api/v1/alerts?x=" + "a".repeat(70_000),
        "/console\\app.js"};
    /** What a body must not show: an exception's class, a stack frame, a Java package. */
    private static final Pattern LEAK = Pattern.compile(
        "Exception|Error:|\\bat [a-z]+\\.[a-z]+\\.|java\\.|javax\\.|io\\.parkwatch\\.|com\\.fasterxml|org\\.apache");

    private final int port;
    private final Map<String, String> tokens;

    /** @param tokens a valid secret per role: operator, bureau, enterprise */
    public ApiFuzz(int port, Map<String, String> tokens) {
        this.port = port;
        this.tokens = Map.copyOf(tokens);
    }

    /** One request as sent, for the report. */
    record Request(String method, String target, String authorization, int bodyBytes) {
    }

    public ApiFuzzReport run(int requests, long seed) throws IOException {
        Random random = new Random(seed);
        Map<String, Long> statuses = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
            // Every unparseable request line once, then random requests.
            boolean badLine = i < BAD_TARGETS.length;
            String method = badLine ? "GET" : endpoint.endsWith("/ack") ? (random.nextInt(3) == 0 ? "GET" : "POST")
                : random.nextInt(10) < 6 ? "GET" : METHODS[random.nextInt(METHODS.length)];
            String target = badLine ? BAD_TARGETS[i] : target(random, endpoint);
            String authorization = authorization(random);
            byte[] body = method.equals("GET") && random.nextInt(4) != 0 ? null : body(random);
            String type = random.nextBoolean() ? "application/json" : RawMutations.pick(random,
                new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "%%%"});
            Request request = new Request(method, target, authorization, body == null ? 0 : body.length);
            RawHttp.Answer answer = RawHttp.send(port, method, target, authorization, body, type);
            String key = answer.status() == RawHttp.STREAMING ? "stream (200, events)" : String.valueOf(answer.status());
            statuses.merge(key, 1L, Long::sum);
            String broken = badLine && (answer.status() < 400 || answer.status() >= 500)
                ? "status " + answer.status() + " for an unparseable request line" : verdict(endpoint, answer);
            if (broken != null && violations.size() < 50) {
                violations.add(broken + ": " + shorten(request.toString()) + " -> " + shorten(answer.body()));
            } else if (broken != null) {
                violations.add(broken);
            }
        }
        return new ApiFuzzReport(requests, seed, statuses, violations, (System.nanoTime() - started) / 1e9);
    }

    /** Why the answer breaks the contract, or null when it keeps it. */
    static String verdict(String endpoint, RawHttp.Answer answer) {
        int status = answer.status();
        if (LEAK.matcher(answer.body()).find()) {
            return "exception text in a " + status;
        }
        boolean probe = endpoint.contains("health");
        if (status >= 500 && !(status == 503 && probe)) {
            return "status " + status;
        }
        if (status >= 400 && status < 500 && !(answer.contentType().contains("json")
            && answer.body().contains("\"error\""))) {
            return "a " + status + " without a JSON error";
        }
        return null;
    }

    private static String target(Random random, String endpoint) {
        if (random.nextInt(6) == 0) {
            return TRAVERSALS[random.nextInt(TRAVERSALS.length)];
        }
        StringBuilder target = new StringBuilder(endpoint);
        int parameters = random.nextInt(5);
        for (int p = 0; p < parameters; p++) {
            String value = random.nextInt(12) == 0 ? "A".repeat(10_000 + random.nextInt(20_000))
                : VALUES[random.nextInt(VALUES.length)];
            target.append(p == 0 ? '?' : '&').append(PARAMETERS[random.nextInt(PARAMETERS.length)]).append('=')
                .append(value);
        }
        return target.toString();
    }

    private String authorization(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> "Bearer ";
            case 2 -> "Bearer wrong-token-0123456789";
            case 3 -> "Basic b3BlcmF0b3I6c2VjcmV0";
            case 4 -> "Bearer " + "x".repeat(6_000);
            case 5 -> "bearer " + tokens.get("operator") + " extra";
            case 6 -> "Bearer " + tokens.get("bureau");
            case 7 -> "Bearer " + tokens.get("enterprise");
            default -> "Bearer " + tokens.get("operator");
        };
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new byte[1 + random.nextInt(3 << 20)];
            case 1 -> "{\"note\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> RawMutations.noise(random, 2048);
            case 4 -> ("{\"note\":\"" + "n".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> "{\"note\":42,\"extra\":[1,{}]}".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("[\\r\\n]", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
