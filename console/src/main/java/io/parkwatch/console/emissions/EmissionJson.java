package io.parkwatch.console.emissions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code {"interval", "from", "to", "time_zone", "rows": [...], "row_count", "complete"}} written
 * row by row; an export that broke off says {@code "complete": false} and why in {@code "error"}.
 */
final class EmissionJson implements EmissionFormat {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonGenerator out;

    @Override
    public String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    public void begin(Writer writer, EmissionQuery query) throws IOException {
        out = JSON.createGenerator(writer);
        out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        out.writeStartObject();
        out.writeStringField("interval", query.interval().text());
        out.writeStringField("from", query.from().toString());
        out.writeStringField("to", query.to().toString());
        out.writeStringField("time_zone", query.zone().getId());
        out.writeArrayFieldStart("rows");
    }

    @Override
    public void row(EmissionRow row) throws IOException {
        out.writeStartObject();
        out.writeStringField("time", row.time());
        out.writeStringField("park", row.park());
        out.writeStringField("enterprise", row.enterprise());
        out.writeStringField("point", row.point());
        out.writeStringField("pollutant", row.pollutant().code());
        out.writeStringField("pollutant_name", row.pollutant().label());
        out.writeStringField("unit", row.pollutant().factor().unit());
        out.writeStringField("name_zh", row.pollutant().factor().nameZh());
        out.writeStringField("name_en", row.pollutant().factor().nameEn());
        out.writeStringField("metric", row.metric());
        out.writeStringField("basis", row.basis());
        number("mean", row.mean());
        number("min", row.min());
        number("max", row.max());
        out.writeNumberField("count", row.count());
        out.writeNumberField("good_count", row.goodCount());
        number("good_share", row.goodShare());
        if (row.limit().isPresent()) {
            out.writeNumberField("limit", row.limit().getAsDouble());
        } else {
            out.writeNullField("limit");
        }
        if (row.judged()) {
            out.writeBooleanField("exceeded", row.exceeded());
        } else {
            out.writeNullField("exceeded");
        }
        out.writeBooleanField("valid", row.validity().valid());
        if (row.validity().valid()) {
            out.writeNullField("invalid_reason");
        } else {
            out.writeStringField("invalid_reason", row.validity().reason());
        }
        out.writeStringField("limit_source", row.limitSource().orElse(null));
        out.writeEndObject();
    }

    private void number(String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumberField(name, value);
        } else {
            out.writeNullField(name);
        }
    }

    @Override
    public void end(long rows, String failure) throws IOException {
        out.writeEndArray();
        out.writeNumberField("row_count", rows);
        out.writeBooleanField("complete", failure == null);
        if (failure != null) {
            out.writeStringField("error", failure);
        }
        out.writeEndObject();
        out.flush();
    }
}
