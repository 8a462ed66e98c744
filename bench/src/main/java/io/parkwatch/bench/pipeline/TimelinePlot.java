package io.parkwatch.bench.pipeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javax.imageio.ImageIO;

/**
 * A PNG of a run with Java2D, headless: above, readings/s over time (acknowledged by the broker,
 * in Kafka, points the sink wrote); below, each RAISED alert's publish → Kafka latency at its
 * arrival (log scale). Shaded bands are the steps, labelled with their asked rate.
 */
final class TimelinePlot {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};

    private TimelinePlot() {
    }

    static void write(PipelineReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        List<Timeline.Point> points = report.timeline();
        double span = points.isEmpty() ? 1 : Math.max(1, points.get(points.size() - 1).seconds());
        Panel top = new Panel(60, 380, span);
        Panel bottom = new Panel(470, 700, span);
        shadeSteps(g, points, report, top, bottom);
        double peak = 1;
        for (int i = 1; i < points.size(); i++) {
            peak = Math.max(peak, Math.max(rate(points, i, Timeline.Point::sent), rate(points, i, Timeline.Point::sinkWritten)));
            peak = Math.max(peak, rate(points, i, Timeline.Point::inKafka));
        }
        top.axes(g, "readings/s", 0, peak * 1.1, false);
        line(g, top, points, Timeline.Point::sent, peak * 1.1, SERIES[0]);
        line(g, top, points, Timeline.Point::inKafka, peak * 1.1, SERIES[1]);
        line(g, top, points, Timeline.Point::sinkWritten, peak * 1.1, SERIES[2]);
        legend(g, new String[] {"acknowledged by the broker", "readings in Kafka", "points written to InfluxDB (all)"});
        double maxLatency = report.alerts().stream().mapToDouble(AlertProbe.Sample::latencyMillis).max().orElse(1000);
        bottom.axes(g, "publish → alert, ms (log)", 1, Math.max(10, maxLatency * 1.5), true);
        g.setColor(new Color(0xd62728));
        for (AlertProbe.Sample sample : report.alerts()) {
            double t = (sample.arrivedMillis() - report.timelineStartMillis()) / 1e3;
            int x = bottom.x(t);
            int y = bottom.yLog(Math.max(1, sample.latencyMillis()), 1, Math.max(10, maxLatency * 1.5));
            g.fillRect(x - 1, y - 1, 3, 3);
        }
        g.setColor(Color.BLACK);
        g.drawString("seconds since the warm-up started", WIDTH / 2 - 90, HEIGHT - 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("parkwatch bench: " + report.settings().broker().name().toLowerCase(Locale.ROOT)
            + " broker, steps of " + report.settings().step().toSeconds() + " s", LEFT, 30);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void shadeSteps(Graphics2D g, List<Timeline.Point> points, PipelineReport report, Panel top,
                                   Panel bottom) {
        for (int i = 0; i < points.size(); i++) {
            int step = points.get(i).step();
            if (step < 0 || i > 0 && points.get(i - 1).step() == step) {
                continue;
            }
            int j = i;
            while (j + 1 < points.size() && points.get(j + 1).step() == step) {
                j++;
            }
            int x0 = top.x(points.get(i).seconds());
            int x1 = top.x(points.get(j).seconds());
            g.setColor(new Color(0xF0F0F0));
            g.fillRect(x0, top.y0, x1 - x0, top.y1 - top.y0);
            g.fillRect(x0, bottom.y0, x1 - x0, bottom.y1 - bottom.y0);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,d/s", report.settings().rates().get(step)), x0 + 3, top.y0 + 14);
        }
    }

    private static double rate(List<Timeline.Point> points, int i, ToLongFunction<Timeline.Point> value) {
        double dt = points.get(i).seconds() - points.get(i - 1).seconds();
        return dt <= 0 ? 0 : (value.applyAsLong(points.get(i)) - value.applyAsLong(points.get(i - 1))) / dt;
    }

    private static void line(Graphics2D g, Panel panel, List<Timeline.Point> points, ToLongFunction<Timeline.Point> value,
                             double max, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.6f));
        for (int i = 2; i < points.size(); i++) {
            g.drawLine(panel.x(points.get(i - 1).seconds()), panel.y(rate(points, i - 1, value), max),
                panel.x(points.get(i).seconds()), panel.y(rate(points, i, value), max));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, String[] names) {
        for (int i = 0; i < names.length; i++) {
            g.setColor(SERIES[i]);
            g.fillRect(WIDTH - 300, 70 + i * 18, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(names[i], WIDTH - 280, 80 + i * 18);
        }
    }

    /** A plotting area: x in seconds across the width, y between two pixel rows. */
    private record Panel(int y0, int y1, double span) {

        int x(double seconds) {
            return LEFT + (int) Math.round(seconds / span * (WIDTH - LEFT - RIGHT));
        }

        int y(double value, double max) {
            return y1 - (int) Math.round(Math.min(1, value / max) * (y1 - y0));
        }

        int yLog(double value, double min, double max) {
            double share = (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            return y1 - (int) Math.round(Math.max(0, Math.min(1, share)) * (y1 - y0));
        }

        void axes(Graphics2D g, String label, double min, double max, boolean log) {
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, y0, WIDTH - LEFT - RIGHT, y1 - y0);
            for (int i = 0; i <= 4; i++) {
                double value = log ? Math.pow(10, Math.log10(min) + i * (Math.log10(max) - Math.log10(min)) / 4)
                    : min + i * (max - min) / 4;
                int y = log ? yLog(value, min, max) : y(value, max);
                g.setColor(new Color(0xDDDDDD));
                g.drawLine(LEFT, y, WIDTH - RIGHT, y);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%,.0f", value), 10, y + 4);
            }
            for (int s = 0; s <= span; s += Math.max(10, (int) (span / 10) / 10 * 10)) {
                g.drawString(Integer.toString(s), x(s) - 6, y1 + 15);
            }
            g.drawString(label, LEFT + 5, y0 - 6);
        }
    }
}
