package io.parkwatch.console.state;

/** Folds one topic's records into in-memory state; a null value is a tombstone. */
@FunctionalInterface
public interface TopicFold {

    void apply(String key, byte[] value);
}
