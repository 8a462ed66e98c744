package io.parkwatch.console.endpoint;

import java.util.List;

/** A request parameter is missing or malformed: the caller's fault, answered 400 naming it. */
public final class BadParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final List<String> allowed;

    public BadParameterException(String parameter, String message) {
        this(parameter, message, List.of());
    }

    public BadParameterException(String parameter, String message, List<String> allowed) {
        super(message, null, false, false);
        this.parameter = parameter;
        this.allowed = List.copyOf(allowed);
    }

    public String parameter() {
        return parameter;
    }

    /** The values the parameter accepts, when they are a short list. */
    public List<String> allowed() {
        return allowed;
    }
}
