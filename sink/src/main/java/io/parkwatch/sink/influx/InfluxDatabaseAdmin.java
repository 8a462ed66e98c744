package io.parkwatch.sink.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.InfluxUnavailableException;
import io.parkwatch.sink.PointWriteException;
import io.parkwatch.sink.PointsRejectedException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the endpoint's database and retention policies at start through InfluxQL
 * ({@code POST /query}); running it again changes nothing. InfluxDB 1.x only: on 2.x and 3.x
 * buckets and databases are created with the server's own tools.
 */
public final class InfluxDatabaseAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDatabaseAdmin.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";

    private final InfluxV1Endpoint endpoint;
    private final InfluxV1Http http;

    public InfluxDatabaseAdmin(InfluxV1Endpoint endpoint) {
        this(endpoint, InfluxV1Http.defaultClient(endpoint.timeout()));
    }

    public InfluxDatabaseAdmin(InfluxV1Endpoint endpoint, HttpClient client) {
        this.endpoint = endpoint;
        this.http = new InfluxV1Http(endpoint, client, new InfluxWriteFailures(
            "database \"" + endpoint.database() + "\"", "the URL serves no InfluxDB 1.x /query API"));
    }

    /** Creates the database if missing, then creates or updates each policy. */
    public void ensure(List<RetentionPolicySpec> policies)
        throws InfluxUnavailableException, InfluxConfigurationException {
        ensureDatabase();
        for (RetentionPolicySpec policy : policies) {
            ensureRetentionPolicy(policy);
        }
    }

    /** {@code CREATE DATABASE} leaves an existing database alone. */
    public void ensureDatabase() throws InfluxUnavailableException, InfluxConfigurationException {
        run("CREATE DATABASE " + identifier(endpoint.database()));
    }

    /**
     * Creates the policy, or alters it when its duration, shard group duration or default flag
     * differ. InfluxQL cannot take the default flag away; make another policy the default instead.
     */
    public void ensureRetentionPolicy(RetentionPolicySpec spec)
        throws InfluxUnavailableException, InfluxConfigurationException {
        Optional<RetentionPolicySpec> existing = retentionPolicies().stream()
            .filter(policy -> policy.name().equals(spec.name()))
            .findFirst();
        String on = identifier(spec.name()) + " ON " + identifier(endpoint.database());
        // CREATE wants DURATION, REPLICATION, SHARD DURATION, DEFAULT in this order; ALTER takes any.
        String settings = " DURATION " + GoDuration.toInfluxQl(spec.duration()) + " REPLICATION 1"
            + (spec.shardGroupDuration().isZero() ? "" : " SHARD DURATION " + GoDuration.toInfluxQl(spec.shardGroupDuration()))
            + (spec.isDefault() ? " DEFAULT" : "");
        if (existing.isEmpty()) {
            run("CREATE RETENTION POLICY " + on + settings);
        } else if (!spec.isSatisfiedBy(existing.get())) {
            run("ALTER RETENTION POLICY " + on + settings);
        }
        if (!spec.isDefault() && existing.map(RetentionPolicySpec::isDefault).orElse(false)) {
            LOG.warn("retention policy {} on {} stays the default: InfluxQL cannot unset it, make another one default",
                spec.name(), endpoint.database());
        }
    }

    /** {@code SHOW RETENTION POLICIES} of the endpoint's database. */
    public List<RetentionPolicySpec> retentionPolicies() throws InfluxUnavailableException, InfluxConfigurationException {
        JsonNode result = run("SHOW RETENTION POLICIES ON " + identifier(endpoint.database()));
        List<RetentionPolicySpec> policies = new ArrayList<>();
        for (JsonNode series : result.path("series")) {
            List<String> columns = new ArrayList<>();
            series.path("columns").forEach(column -> columns.add(column.asText()));
            for (JsonNode row : series.path("values")) {
                policies.add(new RetentionPolicySpec(
                    row.get(columns.indexOf("name")).asText(),
                    GoDuration.parse(row.get(columns.indexOf("duration")).asText()),
                    GoDuration.parse(row.get(columns.indexOf("shardGroupDuration")).asText()),
                    row.get(columns.indexOf("default")).asBoolean()));
            }
        }
        return policies;
    }

    /** Runs one statement; returns its result object, failing on a statement error. */
    private JsonNode run(String statement) throws InfluxUnavailableException, InfluxConfigurationException {
        String body;
        try {
            body = http.post("/query", Map.of(), FORM, InfluxV1Http.query(Map.of("q", statement)));
        } catch (PointsRejectedException e) {
            throw refused(statement, e.serverMessage(), e.httpStatus());
        } catch (InfluxUnavailableException | InfluxConfigurationException e) {
            throw e;
        } catch (PointWriteException e) {
            throw new IllegalStateException("unclassified InfluxDB failure", e);
        }
        JsonNode result;
        try {
            result = JSON.readTree(body).path("results").path(0);
        } catch (IOException e) {
            throw refused(statement, "unreadable answer: " + body, 200);
        }
        if (result.hasNonNull("error")) {
            throw refused(statement, result.get("error").asText(), 200);
        }
        return result;
    }

    private static InfluxConfigurationException refused(String statement, String message, int status) {
        return new InfluxConfigurationException("InfluxDB refused '" + statement + "': " + message, status);
    }

    // InfluxQL double-quoted identifier: any name, quotes and backslashes escaped.
    static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
