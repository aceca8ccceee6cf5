package dev.salerush.shop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.shop.config.Behaviour;
import dev.salerush.shop.config.VersionSettings;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BehaviourRoutesTest {

    private static final Handler NORMAL = ctx -> {
    };
    private static final Handler EMPTY = ctx -> {
    };

    private static Handler select(Behaviour b, HandlerType method, String path) {
        return new BehaviourRoutes(b, EMPTY).select(method, path, NORMAL);
    }

    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = {"NORMAL", "SLOW"})
    void normalAndSlowKeepEveryHandler(Behaviour b) {
        assertThat(select(b, HandlerType.POST, "/api/orders")).isSameAs(NORMAL);
        assertThat(select(b, HandlerType.GET, "/api/products")).isSameAs(NORMAL);
        assertThat(select(b, HandlerType.GET, "/api/brands")).isSameAs(NORMAL);
    }

    @Test
    void brokenOrdersFailsOnlyOrderPlacementWith500BeforeDoingAnything() {
        Handler broken = select(Behaviour.BROKEN_ORDERS, HandlerType.POST, "/api/orders");
        assertThat(broken).isNotSameAs(NORMAL);
        // No context needed: the handler touches nothing (no database, no gateway) before failing.
        assertThatThrownBy(() -> broken.handle(null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.body().error()).isEqualTo("INTERNAL_ERROR");
        });
        assertThat(select(Behaviour.BROKEN_ORDERS, HandlerType.GET, "/api/orders/{id}")).isSameAs(NORMAL);
        assertThat(select(Behaviour.BROKEN_ORDERS, HandlerType.GET, "/api/products")).isSameAs(NORMAL);
    }

    @Test
    void emptyListsReplacesOnlyTheProductList() {
        assertThat(select(Behaviour.EMPTY_LISTS, HandlerType.GET, "/api/products")).isSameAs(EMPTY);
        assertThat(select(Behaviour.EMPTY_LISTS, HandlerType.GET, "/api/products/{id}")).isSameAs(NORMAL);
        assertThat(select(Behaviour.EMPTY_LISTS, HandlerType.POST, "/api/orders")).isSameAs(NORMAL);
    }

    @Test
    void onlySlowAddsItsDelay() {
        Duration d = Duration.ofMillis(300);
        assertThat(new VersionSettings("v3", Behaviour.SLOW, d).addedDelay()).isEqualTo(d);
        assertThat(new VersionSettings("v1", Behaviour.NORMAL, d).addedDelay()).isZero();
        assertThat(new VersionSettings("v2", Behaviour.BROKEN_ORDERS, d).addedDelay()).isZero();
    }

    @Test
    void behavioursAreNamedOnTheCommandLine() {
        assertThat(Behaviour.argNames()).containsExactly("normal", "broken-orders", "empty-lists", "slow");
        assertThat(Behaviour.fromArgName("broken-orders")).contains(Behaviour.BROKEN_ORDERS);
        assertThat(Behaviour.fromArgName(" Empty-Lists ")).contains(Behaviour.EMPTY_LISTS);
        assertThat(Behaviour.fromArgName("broken_orders")).isEmpty();
        assertThat(Behaviour.fromArgName(null)).isEmpty();
    }
}
