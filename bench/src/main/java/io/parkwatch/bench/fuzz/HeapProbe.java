package io.parkwatch.bench.fuzz;

/** Heap in use after full collections: the least of a few, so that a collection in progress does not count. */
final class HeapProbe {

    private HeapProbe() {
    }

    static long settled() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
