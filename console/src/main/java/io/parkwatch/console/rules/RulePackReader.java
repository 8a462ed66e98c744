package io.parkwatch.console.rules;

/**
 * Reads a rule pack's YAML into what the console draws. The rule format's parser lives with the
 * topology that evaluates it (the streams module); the runtime hands this service an adapter
 * over that parser, so the format has one reader and this module does not depend on the streams
 * engine.
 */
@FunctionalInterface
public interface RulePackReader {

    /** @throws IllegalArgumentException when the YAML is not a valid rule pack */
    PackShapes read(String name, String source, String yaml);
}
