package dev.salerush.shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer the shop produces itself carries X-Served-By: success, refusal, shedding, error mapping, 404. */
class ServedByTest {

    private Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ServedBy.register(config);
            config.routes.get("/ok", ctx -> ctx.status(201).result("{}"));
            config.routes.get("/shed", ctx -> ctx.status(503).header("Retry-After", "1").result("{}"));
            config.routes.get("/boom", ctx -> {
                throw new IllegalStateException("boom");
            });
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).result("{}"));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void everyAnswerOfTheShopNamesItsInstance() throws Exception {
        for (String path : new String[] {"/ok", "/shed", "/boom", "/missing"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.headers().firstValue(ServedBy.HEADER)).as(path + " (" + response.statusCode() + ")")
                    .contains("shop:" + app.port());
        }
    }
}
