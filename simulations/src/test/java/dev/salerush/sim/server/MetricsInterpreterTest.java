package dev.salerush.sim.server;

import dev.salerush.sim.config.MetricsSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsInterpreterTest {
    static final long SECOND = 1_000_000_000L;

    /** An excerpt of the demo shop's real /metrics output (Micrometer, HikariCP, Resilience4j). */
    static final String DEMO_SHOP = """
            # HELP hikaricp_connections_active Active connections
            # TYPE hikaricp_connections_active gauge
            hikaricp_connections_active{application="demo-shop",pool="browse"} 3.0
            hikaricp_connections_active{application="demo-shop",pool="order"} 1.0
            # HELP hikaricp_connections_pending Pending threads
            # TYPE hikaricp_connections_pending gauge
            hikaricp_connections_pending{application="demo-shop",pool="browse"} 0.0
            hikaricp_connections_pending{application="demo-shop",pool="order"} 2.0
            # HELP http_server_requests_seconds HTTP requests served by the demo shop
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{application="demo-shop",method="GET",route="/api/brands",status="200",le="0.001"} 0
            http_server_requests_seconds_bucket{application="demo-shop",method="GET",route="/api/brands",status="200",le="+Inf"} 1
            http_server_requests_seconds_count{application="demo-shop",method="GET",route="/api/brands",status="200"} %d
            http_server_requests_seconds_count{application="demo-shop",method="GET",route="/api/products/{id}",status="404"} 1
            http_server_requests_seconds_count{application="demo-shop",method="POST",route="/api/orders",status="503"} %d
            http_server_requests_seconds_sum{application="demo-shop",method="GET",route="/api/brands",status="200"} 0.05
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{application="demo-shop",area="heap",id="G1 Eden Space"} 3.0408704E7
            jvm_memory_used_bytes{application="demo-shop",area="heap",id="G1 Old Gen"} 1.3056512E7
            jvm_memory_used_bytes{application="demo-shop",area="heap",id="G1 Survivor Space"} 4441888.0
            jvm_memory_used_bytes{application="demo-shop",area="nonheap",id="Metaspace"} 2.9766216E7
            # HELP process_cpu_usage The "recent cpu usage" for the Java Virtual Machine process
            # TYPE process_cpu_usage gauge
            process_cpu_usage{application="demo-shop"} 0.375
            # HELP resilience4j_circuitbreaker_state The states of the circuit breaker
            # TYPE resilience4j_circuitbreaker_state gauge
            resilience4j_circuitbreaker_state{application="demo-shop",name="payment",state="closed"} 0.0
            resilience4j_circuitbreaker_state{application="demo-shop",name="payment",state="disabled"} 0.0
            resilience4j_circuitbreaker_state{application="demo-shop",name="payment",state="forced_open"} 0.0
            resilience4j_circuitbreaker_state{application="demo-shop",name="payment",state="half_open"} 0.0
            resilience4j_circuitbreaker_state{application="demo-shop",name="payment",state="metrics_only"} 0.0
            resilience4j_circuitbreaker_state{application="demo-shop",name="payment",state="open"} 1.0
            """;

    final MetricsInterpreter interpreter = new MetricsInterpreter(MetricsSettings.Names.DEFAULTS);

    MetricsInterpreter.Reading read(int ok, int errors, long nanos) {
        return interpreter.read(PrometheusText.parse(DEMO_SHOP.formatted(ok, errors), interpreter.wanted()), nanos);
    }

    @Test
    void readsTheDemoShopsGauges() {
        MetricsInterpreter.Reading r = read(10, 0, 0);

        assertThat(r.processCpu()).isEqualTo(0.375);
        assertThat(r.heapUsedBytes()).isEqualTo(30_408_704.0 + 13_056_512.0 + 4_441_888.0);
        assertThat(r.poolActive()).containsExactly(Map.entry("browse", 3.0), Map.entry("order", 1.0));
        assertThat(r.poolPending()).containsExactly(Map.entry("browse", 0.0), Map.entry("order", 2.0));
        assertThat(r.breakerState()).isEqualTo("open");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void theFirstScrapeHasNoRatesTheSecondHasTheIncreasePerSecond() {
        MetricsInterpreter.Reading first = read(10, 2, 0);
        MetricsInterpreter.Reading second = read(110, 22, 2 * SECOND);

        assertThat(first.requestRate()).isNull();
        assertThat(first.serverErrorRate()).isNull();
        assertThat(second.requestRate()).isCloseTo((100 + 20) / 2.0, within(1e-9));
        assertThat(second.serverErrorRate()).isCloseTo(20 / 2.0, within(1e-9));
    }

    @Test
    void noNewRequestsIsAMeasuredZeroRate() {
        read(10, 2, 0);
        MetricsInterpreter.Reading idle = read(10, 2, SECOND);

        assertThat(idle.requestRate()).isZero();
        assertThat(idle.serverErrorRate()).isZero();
    }

    @Test
    void aCounterResetGivesNoRateForThatSampleNeverANegativeOne() {
        read(500, 50, 0);
        MetricsInterpreter.Reading reset = read(3, 0, SECOND);
        MetricsInterpreter.Reading after = read(13, 0, 2 * SECOND);

        assertThat(reset.requestRate()).isNull();
        assertThat(reset.serverErrorRate()).isNull();
        assertThat(after.requestRate()).isCloseTo(10.0, within(1e-9));
        assertThat(after.serverErrorRate()).isZero();
    }

    @Test
    void aSeriesThatDisappearsIsAResetAndOneThatAppearsCountsFromZero() {
        String one = "http_server_requests_seconds_count{status=\"200\"} 10\n";
        String two = one + "http_server_requests_seconds_count{status=\"500\"} 4\n";
        interpreter.read(PrometheusText.parse(one), 0);

        MetricsInterpreter.Reading appeared = interpreter.read(PrometheusText.parse(two), SECOND);
        MetricsInterpreter.Reading gone = interpreter.read(PrometheusText.parse(one), 2 * SECOND);

        assertThat(appeared.requestRate()).isEqualTo(4.0);
        assertThat(appeared.serverErrorRate()).isEqualTo(4.0);
        assertThat(gone.requestRate()).isNull();
    }

    @Test
    void aFailedScrapeInBetweenMeansNoRateForTheNextSuccessfulOne() {
        read(10, 0, 0);
        interpreter.scrapeFailed();

        assertThat(read(20, 0, 2 * SECOND).requestRate()).isNull();
        assertThat(read(30, 0, 3 * SECOND).requestRate()).isEqualTo(10.0);
    }

    @Test
    void metricsTheEndpointDoesNotExposeAreNullAndListedNeverZero() {
        MetricsInterpreter.Reading r = interpreter.read(PrometheusText.parse("""
                process_cpu_usage NaN
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 100
                jvm_memory_used_bytes{area="heap",id="x"} NaN
                resilience4j_circuitbreaker_state{name="payment",state="closed"} 0.0
                """), 0);

        assertThat(r.processCpu()).isNull();
        assertThat(r.heapUsedBytes()).isNull();
        assertThat(r.poolActive()).isNull();
        assertThat(r.poolPending()).isNull();
        assertThat(r.breakerState()).isNull();
        assertThat(r.requestRate()).isNull();
        assertThat(r.missing()).containsExactly("http_server_requests_seconds_count", "hikaricp_connections_active",
                "hikaricp_connections_pending");
    }

    @Test
    void metricNamesAreConfigurableAndUnlabelledSeriesAreRead() {
        MetricsInterpreter custom = new MetricsInterpreter(new MetricsSettings.Names("cpu_ratio", "heap_bytes",
                "requests_total", "db_busy", "db_waiting", "breaker"));
        MetricsInterpreter.Reading r = custom.read(PrometheusText.parse("""
                cpu_ratio 0.5
                heap_bytes 2048
                requests_total{code="200"} 1
                db_busy 4
                db_waiting 1
                breaker{name="a",state="closed"} 1
                breaker{name="b",state="open"} 1
                """), 0);

        assertThat(r.processCpu()).isEqualTo(0.5);
        assertThat(r.heapUsedBytes()).isEqualTo(2048.0);
        assertThat(r.poolActive()).isEqualTo(Map.of("default", 4.0));
        assertThat(r.poolPending()).isEqualTo(Map.of("default", 1.0));
        assertThat(r.breakerState()).isEqualTo("a=closed,b=open");
        assertThat(r.missing()).isEmpty();
    }
}
