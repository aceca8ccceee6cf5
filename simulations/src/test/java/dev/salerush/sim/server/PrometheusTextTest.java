package dev.salerush.sim.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsCommentsAndBlankLines() {
        PrometheusText.Parsed parsed = PrometheusText.parse("""
                # HELP process_cpu_usage The "recent cpu usage" for the Java Virtual Machine process
                # TYPE process_cpu_usage gauge
                process_cpu_usage{application="demo-shop"} 0.25

                jvm_memory_used_bytes{application="demo-shop",area="heap",id="G1 Eden Space"} 3.0408704E7
                up 1
                http_server_requests_seconds_count{method="GET",route="/api/products/{id}",status="404",} 7 1700000000000
                # EOF
                """);

        assertThat(parsed.malformedLines()).isZero();
        assertThat(parsed.series()).extracting(PrometheusText.Series::name).containsExactly("process_cpu_usage",
                "jvm_memory_used_bytes", "up", "http_server_requests_seconds_count");
        assertThat(parsed.series().get(0).labels()).isEqualTo(Map.of("application", "demo-shop"));
        assertThat(parsed.series().get(0).value()).isEqualTo(0.25);
        assertThat(parsed.series().get(1).labels()).containsExactly(Map.entry("application", "demo-shop"),
                Map.entry("area", "heap"), Map.entry("id", "G1 Eden Space"));
        assertThat(parsed.series().get(1).value()).isEqualTo(30_408_704.0);
        assertThat(parsed.series().get(2).labels()).isEmpty();
        assertThat(parsed.series().get(3).label("route")).isEqualTo("/api/products/{id}");
        assertThat(parsed.series().get(3).value()).isEqualTo(7.0);
    }

    @Test
    void labelValuesKeepEscapedQuotesBackslashesNewlinesAndSpecialCharacters() {
        PrometheusText.Series s = PrometheusText.parseLine(
                "m{a=\"say \\\"hi\\\"\", b=\"C:\\\\dir\", c=\"two\\nlines\", d=\"x,y}=z #\"} 1");

        assertThat(s).isNotNull();
        assertThat(s.labels()).containsExactly(Map.entry("a", "say \"hi\""), Map.entry("b", "C:\\dir"),
                Map.entry("c", "two\nlines"), Map.entry("d", "x,y}=z #"));
        assertThat(s.value()).isEqualTo(1.0);
    }

    @Test
    void readsNanAndInfinities() {
        PrometheusText.Parsed parsed = PrometheusText.parse("""
                a NaN
                b +Inf
                c -Inf
                http_server_requests_seconds_bucket{le="+Inf"} 12
                d 1.5e-3
                """);

        assertThat(parsed.series()).extracting(PrometheusText.Series::value).containsExactly(Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 12.0, 0.0015);
        assertThat(parsed.series().get(3).label("le")).isEqualTo("+Inf");
    }

    @Test
    void skipsAndCountsLinesThatAreNotSamples() {
        PrometheusText.Parsed parsed = PrometheusText.parse("""
                good 1
                no_value
                bad_value{a="b"} one
                java_suffix 1d
                unclosed{a="b} 1
                missing_quote{a=b} 1
                -starts_wrong 1
                trailing_garbage 1 2 3x
                also_good{} 2
                """);

        assertThat(parsed.series()).extracting(PrometheusText.Series::name).containsExactly("good", "also_good");
        assertThat(parsed.malformedLines()).isEqualTo(7);
    }

    @Test
    void acceptsOpenMetricsExemplarsAfterTheValue() {
        PrometheusText.Series s = PrometheusText.parseLine("requests_total{code=\"200\"} 42 # {trace_id=\"abc\"} 1.0");

        assertThat(s).isNotNull();
        assertThat(s.value()).isEqualTo(42.0);
    }

    @Test
    void linesOfUnwantedMetricsAreSkippedBeforeTheyAreParsed() {
        PrometheusText.Parsed parsed = PrometheusText.parse("""
                wanted{a="1"} 1
                unwanted{broken 1
                wanted_not 2
                """, "wanted"::equals);

        assertThat(parsed.series()).hasSize(1);
        assertThat(parsed.malformedLines()).isZero();
    }
}
