package io.parkwatch.cli.command;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a service running until SIGINT/SIGTERM, then closes it before the JVM exits, so child
 * processes and broker sessions end cleanly.
 */
final class UntilStopped {

    private UntilStopped() {
    }

    static void run(AutoCloseable service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("stopping failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "parkwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}
