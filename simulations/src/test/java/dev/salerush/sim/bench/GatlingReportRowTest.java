package dev.salerush.sim.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatlingReportRowTest {
    @TempDir
    Path dir;

    /** Two rows of a Gatling 3.15 report's statistics table, as written (markup between the cells trimmed). */
    private static String row(String name, String... cells) {
        StringBuilder html = new StringBuilder("<tr id=\"req_" + name + "-1\" data-parent=\"ROOT\">\n  <td class=\"total col-1\">"
                + "<span id=\"stats-table-req_" + name + "-1\" class=\"ellipsed-name\">" + name + "</span></td>\n");
        String[] kinds = {"total", "ok", "ko", "ko", "total", "total", "total", "total", "total", "total", "total",
            "total", "total"};
        for (int i = 0; i < cells.length; i++) {
            html.append("  <td class=\"value ").append(kinds[i]).append(" col-").append(i + 2).append("\">")
                    .append(cells[i]).append("</td>\n");
        }
        return html.append("</tr>").toString();
    }

    private Path report() throws IOException {
        return Files.writeString(dir.resolve("index.html"),
                row("warm-up", "1528", "1528", "0", "0", "117.54", "0", "1", "1", "6", "124", "174", "4", "18")
                        + row("instant", "3,000", "2,990", "10", "0.33", "230.77", "0", "0", "1", "8", "49", "83", "2", "7"));
    }

    @Test
    void readsTheNamedRequestsCountsAndPercentilesNotAnotherRows() throws IOException {
        assertThat(GatlingReportRow.read(report(), "instant")).isEqualTo(new GatlingReportRow(3000, 10, 0, 8, 49, 83));
        assertThat(GatlingReportRow.read(report(), "warm-up")).isEqualTo(new GatlingReportRow(1528, 0, 1, 6, 124, 174));
    }

    @Test
    void aRequestNotInTheReportIsAnError() throws IOException {
        Path report = report();
        assertThatThrownBy(() -> GatlingReportRow.read(report, "checkout"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no row 'checkout'");
    }
}
