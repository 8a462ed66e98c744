package io.parkwatch.cli.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a systemd service unit that decide what runs: its {@code [Service]} settings, the
 * environment systemd builds from {@code Environment=} and {@code EnvironmentFile=}, and the
 * {@code ExecStart=} command line expanded in it, as systemd.service(5) and systemd.exec(5)
 * describe. It covers what parkwatch's units use and fails on anything else rather than guess.
 */
final class SystemdUnit {

    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern WORD = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Path file;
    private final Map<String, List<String>> service;

    private SystemdUnit(Path file, Map<String, List<String>> service) {
        this.file = file;
        this.service = service;
    }

    static SystemdUnit read(Path file) throws IOException {
        Map<String, List<String>> service = new LinkedHashMap<>();
        String section = "";
        StringBuilder pending = new StringBuilder();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(line).toString();
            pending.setLength(0);
            if (whole.startsWith("[")) {
                section = whole;
            } else if (section.equals("[Service]")) {
                int equals = whole.indexOf('=');
                service.computeIfAbsent(whole.substring(0, equals).strip(), key -> new ArrayList<>())
                    .add(whole.substring(equals + 1).strip());
            }
        }
        return new SystemdUnit(file, service);
    }

    /** Every value of a {@code [Service]} setting, in order; empty when not set. */
    List<String> values(String key) {
        return service.getOrDefault(key, List.of());
    }

    /**
     * The environment systemd gives the service: {@code Environment=} first, then each
     * {@code EnvironmentFile=} in order, each overriding what came before ({@code -} marks a file
     * that may be missing).
     */
    Map<String, String> environment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : values("Environment")) {
            String value = specifiers(assignment);
            if (value.startsWith("\"")) {
                put(env, value.substring(1, value.length() - 1));
            } else {
                for (String one : value.split("\\s+")) {
                    put(env, one);
                }
            }
        }
        for (String name : values("EnvironmentFile")) {
            boolean optional = name.startsWith("-");
            Path path = Path.of(optional ? name.substring(1) : name);
            if (!Files.exists(path)) {
                if (optional) {
                    continue;
                }
                throw new IllegalStateException(file + ": EnvironmentFile " + path + " is missing; systemd would not start it");
            }
            for (String line : Files.readAllLines(path)) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    put(env, stripped);
                }
            }
        }
        return env;
    }

    /**
     * {@code ExecStart=} in the given environment: {@code ${VAR}} is one word, a word that is
     * exactly {@code $VAR} becomes the value's whitespace-separated words (none when empty). A
     * variable the environment lacks fails here: systemd would expand it to nothing silently.
     */
    List<String> execStart(Map<String, String> env) {
        List<String> lines = values("ExecStart");
        if (lines.size() != 1) {
            throw new IllegalStateException(file + ": expected one ExecStart, found " + lines);
        }
        List<String> command = new ArrayList<>();
        for (String word : specifiers(lines.get(0)).split("\\s+")) {
            if (word.contains("\"") || word.contains("'")) {
                throw new IllegalStateException(file + ": quoting in ExecStart is not modelled: " + word);
            }
            Matcher whole = WORD.matcher(word);
            if (whole.matches()) {
                String value = lookUp(env, whole.group(1)).strip();
                if (!value.isEmpty()) {
                    command.addAll(List.of(value.split("\\s+")));
                }
                continue;
            }
            command.add(BRACED.matcher(word).replaceAll(match -> Matcher.quoteReplacement(lookUp(env, match.group(1)))));
        }
        return command;
    }

    private String lookUp(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null) {
            throw new IllegalStateException(file + ": ExecStart uses $" + name + ", which no Environment= defines");
        }
        return value;
    }

    private static void put(Map<String, String> env, String assignment) {
        int equals = assignment.indexOf('=');
        env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    private String specifiers(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case '%' -> out.append('%');
                case 'H' -> out.append(hostname());
                default -> throw new IllegalStateException(file + ": specifier %" + next + " is not modelled");
            }
        }
        return out.toString();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
