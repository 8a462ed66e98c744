package io.parkwatch.cli.command;

import io.parkwatch.cli.runtime.InfluxTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The InfluxDB a service writes to or reads from; secrets come from the environment. */
public final class InfluxOptions {

    @Option(names = "--influx", required = true, paramLabel = "URL", description = "InfluxDB base URL.")
    String url;

    @Option(names = "--influx-db", defaultValue = "parkwatch", paramLabel = "NAME",
        description = "Database (1.x, 3.x) or bucket (2.x). Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--influx-api", defaultValue = "v1", paramLabel = "v1|v2",
        description = "Write path: v1 /write (1.x, 2.x compatibility API, 3.x) or v2 API with a token. "
            + "Default: ${DEFAULT-VALUE}.")
    String api;

    @Option(names = "--influx-user", paramLabel = "USER",
        description = "v1 username; the password is read from PARKWATCH_INFLUX_PASSWORD.")
    String username;

    @Option(names = "--influx-org", paramLabel = "ORG", description = "v2 organization; the token is read from "
        + "PARKWATCH_INFLUX_TOKEN.")
    String org;

    @Option(names = "--influx-bucket", paramLabel = "POLICY=BUCKET",
        description = "v2: the bucket of a retention policy (raw, agg_1m, agg_1h); repeatable. A policy not named "
            + "writes to --influx-db. Map each with DBRP to --influx-db and the policy's name for InfluxQL.")
    Map<String, String> buckets = new LinkedHashMap<>();

    InfluxTarget target() {
        String password = System.getenv("PARKWATCH_INFLUX_PASSWORD");
        return new InfluxTarget(url, database, api, username,
            username == null ? null : (password == null ? "" : password).toCharArray(),
            System.getenv("PARKWATCH_INFLUX_TOKEN"), org, buckets);
    }
}
