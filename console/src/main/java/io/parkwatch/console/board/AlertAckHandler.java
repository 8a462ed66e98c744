package io.parkwatch.console.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.json.JsonSerde;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/alerts/{alertId}/ack}, body {@code {"note": "..."}}: sends an acknowledgement
 * command to the streams side, which owns the lifecycle; the board shows the result when the
 * ACKNOWLEDGED event comes back. The operator is the token's label.
 */
public final class AlertAckHandler implements ApiAccess.CallerHandler {

    static final String PREFIX = "/api/v1/alerts/";
    static final String SUFFIX = "/ack";
    static final int MAX_NOTE = 1000;
    private static final int MAX_BODY = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AlertAckHandler.class);

    private final AlertBoard board;
    private final AlertCommands commands;
    private final Clock clock;

    public AlertAckHandler(AlertBoard board, AlertCommands commands, Clock clock) {
        this.board = board;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        Optional<String> alertId = alertId(exchange.getRequestURI().getRawPath());
        if (alertId.isEmpty()) {
            JsonResponses.error(exchange, 404, "not_found", "no such path: " + exchange.getRequestURI().getPath());
            return;
        }
        String note;
        try {
            note = note(exchange);
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        Optional<BoardAlert> alert = board.alert(alertId.get());
        if (alert.isEmpty()) {
            JsonResponses.error(exchange, 404, "unknown_alert", "no open or recent alert " + alertId.get());
            return;
        }
        if (alert.get().state() != AlertState.OPEN) {
            JsonResponses.error(exchange, 409, "alert_" + alert.get().state().wire(),
                "alert " + alertId.get() + " is already " + alert.get().state().wire());
            return;
        }
        try {
            commands.send(new AlertCommand(alertId.get(), caller.label(), note, clock.instant()));
        } catch (AlertCommands.CommandNotSentException e) {
            LOG.warn("acknowledgement of {} by {} not sent: {}", alertId.get(), caller.label(), e.getMessage());
            JsonResponses.error(exchange, 503, "commands_unavailable", "the command could not be sent; try again");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", alertId.get());
        body.put("status", "sent");
        JsonResponses.send(exchange, 202, body);
    }

    /** The id between the prefix and {@code /ack}; percent-encoded or with its slashes as they are. */
    static Optional<String> alertId(String rawPath) {
        if (!rawPath.startsWith(PREFIX) || !rawPath.endsWith(SUFFIX)
            || rawPath.length() <= PREFIX.length() + SUFFIX.length()) {
            return Optional.empty();
        }
        String raw = rawPath.substring(PREFIX.length(), rawPath.length() - SUFFIX.length());
        try {
            return Optional.of(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String note(HttpExchange exchange) throws IOException, BadParameterException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new BadParameterException("note", "the body must be at most " + MAX_BODY + " bytes");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return "";
        }
        JsonNode body;
        try {
            body = JsonSerde.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new BadParameterException("note", "the body must be a JSON object such as {\"note\": \"...\"}");
        }
        JsonNode note = body == null || !body.isObject() ? null : body.get("note");
        if (body == null || !body.isObject() || note != null && !note.isNull() && !note.isTextual()) {
            throw new BadParameterException("note", "the body must be a JSON object such as {\"note\": \"...\"}");
        }
        String text = note == null || note.isNull() ? "" : note.asText().strip();
        if (text.length() > MAX_NOTE) {
            throw new BadParameterException("note", "note must be at most " + MAX_NOTE + " characters");
        }
        return text;
    }
}
