package io.parkwatch.console.emissions;

import io.parkwatch.contracts.factor.Factor;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * RFC 4180 CSV with a header line. Columns added later go at the end of the line, so that readers
 * that pick columns by position keep working. An export that broke off ends with a line starting
 * {@code # incomplete:} so that a partial file never passes for a whole one.
 */
final class EmissionCsv implements EmissionFormat {

    static final String HEADER = "time,park,enterprise,point,pollutant,metric,mean,min,max,count,good_count,"
        + "good_share,limit,exceeded,basis,unit,name_zh,name_en,valid,invalid_reason,limit_source";

    private Writer out;

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public void begin(Writer writer, EmissionQuery query) throws IOException {
        this.out = writer;
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void row(EmissionRow row) throws IOException {
        out.write(line(row));
    }

    static String line(EmissionRow row) {
        Factor factor = row.pollutant().factor();
        StringBuilder line = new StringBuilder(200);
        line.append(cell(row.time())).append(',').append(cell(row.park())).append(',')
            .append(cell(row.enterprise())).append(',').append(cell(row.point())).append(',')
            .append(row.pollutant().code()).append(',').append(cell(row.metric())).append(',')
            .append(number(row.mean())).append(',').append(number(row.min())).append(',')
            .append(number(row.max())).append(',').append(row.count()).append(',').append(row.goodCount())
            .append(',').append(number(row.goodShare())).append(',')
            .append(row.limit().isPresent() ? number(row.limit().getAsDouble()) : "").append(',')
            .append(row.judged() ? String.valueOf(row.exceeded()) : "").append(',')
            .append(row.basis()).append(',').append(cell(factor.unit())).append(',')
            .append(cell(factor.nameZh())).append(',').append(cell(factor.nameEn())).append(',')
            .append(row.validity().valid()).append(',').append(cell(row.validity().reason())).append(',')
            .append(cell(row.limitSource().orElse(""))).append("\r\n");
        return line.toString();
    }

    @Override
    public void end(long rows, String failure) throws IOException {
        if (failure != null) {
            out.write("# incomplete: " + failure.replace('\n', ' ').replace('\r', ' ') + "\r\n");
        }
    }

    /** Plain decimal, no exponent; empty for a missing value. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
