package io.parkwatch.console.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request, as its token says.
 *
 * @param label      the token's name in the tokens file, for logs (never the secret)
 * @param enterprise the enterprise an {@link Role#ENTERPRISE} token belongs to
 */
public record Caller(String label, Role role, Optional<String> enterprise) {

    public Caller {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(enterprise, "enterprise");
        if ((role == Role.ENTERPRISE) != enterprise.isPresent()) {
            throw new IllegalArgumentException("an enterprise token, and only one, names its enterprise: " + label);
        }
    }

    /**
     * Whether this caller may read what concerns {@code asked} (empty: every enterprise). An enterprise
     * token may ask for its own enterprise or for none, and is then confined to its own.
     */
    public boolean mayRead(Optional<String> asked) {
        return enterprise.isEmpty() || asked.isEmpty() || asked.get().equals(enterprise.get());
    }
}
