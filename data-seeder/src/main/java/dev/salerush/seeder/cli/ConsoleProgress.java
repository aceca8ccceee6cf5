package dev.salerush.seeder.cli;

import dev.salerush.seeder.load.ProgressListener;
import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn with \r (only used when System.console() != null). */
final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 30;
    private final PrintStream out;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void tableStarted(String table, long totalRows) {
        draw(table, 0, totalRows);
    }

    @Override
    public void tableProgress(String table, long rowsDone, long totalRows) {
        draw(table, rowsDone, totalRows);
    }

    @Override
    public void tableFinished(String table, long rows, double seconds) {
        out.print("\r" + " ".repeat(80) + "\r");
        out.flush();
    }

    @Override
    public void stepStarted(String step) {
        out.print("\r" + String.format("%-78s", step + " ..."));
        out.flush();
    }

    @Override
    public void stepFinished(String step, double seconds) {
        out.print("\r" + " ".repeat(80) + "\r");
        out.flush();
    }

    private void draw(String table, long done, long total) {
        double f = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        out.print(String.format("\r%-10s [%s%s] %3d%% %,d/%,d rows", table, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(f * 100), done, total));
        out.flush();
    }
}
