package io.parkwatch.bench.stages;

import io.parkwatch.bench.command.BenchMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code parkwatch bench ...} in this JVM and reads the figures it prints. */
record BenchOutput(int exitCode, String text) {

    static BenchOutput run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int code = BenchMain.commandLine().execute(args);
            return new BenchOutput(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.out.print(captured.toString(StandardCharsets.UTF_8));
        }
    }

    /** The value printed as {@code name: value}. */
    double figure(String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + ":\\s+(\\S+)$").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no figure \"" + name + "\" in:\n" + text);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
