package io.parkwatch.cli.runtime;

import io.parkwatch.transport.health.HealthCheck;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The thread a console feed starts, found by its name right after the start, so that health can
 * tell whether it still runs. The feeds expose no liveness of their own yet; once they do
 * ({@code alive()}), {@link ConsoleRuntime} should check that instead, and this class can go.
 */
final class FeedThread {

    private final String name;
    private final Thread thread;

    private FeedThread(String name, Thread thread) {
        this.name = name;
        this.thread = thread;
    }

    /** Threads of this name now: call before starting the feed. */
    static Set<Thread> before(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
            .collect(Collectors.toSet());
    }

    /** The thread of this name that was not there {@code before}: the feed's own. */
    static FeedThread started(String name, Set<Thread> before) {
        Thread ours = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals(name) && !before.contains(t)).findFirst().orElse(null);
        return new FeedThread(name, ours);
    }

    HealthCheck check(String checkName, String what) {
        return HealthCheck.of(checkName, () -> {
            if (thread == null) {
                return HealthCheck.Verdict.down(what + ": its thread " + name + " was not found after start");
            }
            return thread.isAlive() ? HealthCheck.Verdict.up(what + " running")
                : HealthCheck.Verdict.down(what + " stopped (thread " + name + " ended; see the log)");
        });
    }
}
