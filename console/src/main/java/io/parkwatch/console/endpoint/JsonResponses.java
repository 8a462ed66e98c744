package io.parkwatch.console.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.contracts.json.JsonSerde;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON bodies, and errors as {@code {"error": code, "message": text}}. */
public final class JsonResponses {

    private JsonResponses() {
    }

    public static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = JsonSerde.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the response body", e);
        }
        sendBytes(exchange, status, "application/json; charset=utf-8", bytes);
    }

    public static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, Map.of("error", code, "message", message));
    }

    /** 403 for an enterprise token that asked for another enterprise's data ({@link Caller#mayRead}). */
    public static void otherEnterprise(HttpExchange exchange, Caller caller) throws IOException {
        error(exchange, 403, "forbidden", "this token reads enterprise " + caller.enterprise().orElseThrow() + " only");
    }

    public static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    /** 400 naming the parameter, with the accepted values when they are a short list. */
    public static void badParameter(HttpExchange exchange, BadParameterException e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "bad_parameter");
        body.put("parameter", e.parameter());
        body.put("message", e.getMessage());
        if (!e.allowed().isEmpty()) {
            body.put("allowed", e.allowed());
        }
        send(exchange, 400, body);
    }
}
