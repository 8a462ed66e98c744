package io.parkwatch.cli.command;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a service running until SIGINT/SIGTERM, then closes it before the JVM exits, so child
 * processes and broker sessions end cleanly.
 */
final class UntilStopped {

    private UntilStopped() {
    }

    /** Closes the services in order on shutdown; null entries (features turned off) are skipped. */
    static void run(AutoCloseable... services) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            for (AutoCloseable service : services) {
                try {
                    if (service != null) {
                        service.close();
                    }
                } catch (Exception e) {
                    System.err.println("stopping failed: " + e);
                }
            }
            stopped.countDown();
        }, "parkwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}
