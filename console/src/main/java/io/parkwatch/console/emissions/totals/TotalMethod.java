package io.parkwatch.console.emissions.totals;

/** How an hour's emitted mass was obtained. */
public enum TotalMethod {
    /** The data logger's own hourly cumulative emission ({@code -Cou}, HJ 212 CN 2061). */
    COU("cou"),
    /** The hourly mean concentration times the hourly mean flow of the same point. */
    FLOW_X_CONC("flow×conc");

    private final String text;

    TotalMethod(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
