package io.parkwatch.infra.kafka;

import org.apache.kafka.common.utils.Exit;

/**
 * Turns Kafka's process exits into exceptions while the embedded broker starts.
 *
 * <p>Kafka's controller treats any startup failure (its port taken, its metadata log locked or
 * unreadable) as a fatal fault and calls {@link Exit#halt}/{@link Exit#exit}, which would end
 * this whole JVM instead of failing {@code start}. Only the start is guarded: once running, a
 * fatal fault still stops the process, as Kafka intends. Kafka offers no getter for the
 * procedures, so they are reset to Kafka's defaults afterwards.
 */
final class StartupExitGuard {

    private StartupExitGuard() {
    }

    /** Kafka asked to end the process during the start. */
    static final class FatalStartupFault extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FatalStartupFault(String how, int status, String message) {
            super("Kafka asked to " + how + " the JVM (status " + status + ")"
                + (message == null ? "" : ": " + message));
        }
    }

    static void guard(Runnable start) {
        synchronized (StartupExitGuard.class) {
            Exit.setExitProcedure((status, message) -> {
                throw new FatalStartupFault("exit", status, message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new FatalStartupFault("halt", status, message);
            });
            try {
                start.run();
            } finally {
                Exit.resetExitProcedure();
                Exit.resetHaltProcedure();
            }
        }
    }
}
