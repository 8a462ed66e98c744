package io.parkwatch.console.emissions;

import java.io.IOException;
import java.io.Writer;

/** Writes emission rows as they come: a header, rows, and a trailer that says whether the export is complete. */
interface EmissionFormat {

    String contentType();

    void begin(Writer out, EmissionQuery query) throws IOException;

    void row(EmissionRow row) throws IOException;

    /** Ends the body; {@code failure} non-null when the read broke off after rows were sent. */
    void end(long rows, String failure) throws IOException;

    static EmissionFormat of(EmissionQuery query) {
        return query.csv() ? new EmissionCsv() : new EmissionJson();
    }
}
