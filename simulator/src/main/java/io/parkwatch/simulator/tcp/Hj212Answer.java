package io.parkwatch.simulator.tcp;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer of the platform to a logger: the QN it answers, its CN ({@code 9014} data answer,
 * {@code 9011} request answer carrying a refusal) and the {@code QnRtn} of a refusal.
 */
record Hj212Answer(String qn, String cn, OptionalInt qnRtn) {

    static final String DATA_ANSWER = "9014";
    private static final Pattern QN_RTN = Pattern.compile("QnRtn=([0-9]{1,3})");

    /** Reads a data segment ({@code QN=…;ST=91;CN=9014;…;CP=&&…&&}); null when it has no QN or CN. */
    static Hj212Answer parse(String segment) {
        int cpAt = segment.indexOf("CP=&&");
        String head = cpAt < 0 ? segment : segment.substring(0, cpAt);
        String qn = null;
        String cn = null;
        for (String field : head.split(";")) {
            if (field.startsWith("QN=")) {
                qn = field.substring(3);
            } else if (field.startsWith("CN=")) {
                cn = field.substring(3);
            }
        }
        if (qn == null || cn == null) {
            return null;
        }
        Matcher rtn = QN_RTN.matcher(cpAt < 0 ? "" : segment.substring(cpAt));
        OptionalInt qnRtn = rtn.find() ? OptionalInt.of(Integer.parseInt(rtn.group(1))) : OptionalInt.empty();
        return new Hj212Answer(qn, cn, qnRtn);
    }

    boolean accepted() {
        return DATA_ANSWER.equals(cn);
    }
}
