package dev.salerush.sim.report.plan;

import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TargetSettings;
import dev.salerush.sim.journeys.BrowsingJourney;
import dev.salerush.sim.journeys.OrderingJourney;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test covers: the target (the embedded demo world in its topology, or a team's service), the simulation
 * and profile, and the requests sent — the built-in journeys' request names with their method and path, or the team
 * simulation's own.
 */
final class TargetScope {
    /** One line of the scope: a label and its value (identifiers in code font). */
    record Fact(String label, String value) {
    }

    private TargetScope() {
    }

    static List<Fact> of(SuiteConfig config, PlanSubject subject, Words w) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(w.get("scope.target"), target(config, w)));
        facts.add(new Fact(w.get("scope.simulation"), Words.code(subject.simulation())));
        String profile = config.profile().name();
        String kind = w.find("kind.", profile);
        facts.add(new Fact(w.get("scope.profile"), Words.code(profile) + (kind == null ? "" : " (" + kind + ")")));
        if (subject.shopJourneys()) {
            String journey = config.profile().journey();
            facts.add(new Fact(w.get("scope.journey"), Words.code(journey) + " — " + journey(journey, config, w)));
            facts.add(new Fact(w.get("scope.requests"), String.join(", ", requests(journey, config.target()))));
        } else {
            facts.add(new Fact(w.get("scope.requests"),
                    w.get("scope.requests.team", Words.code(subject.simulation()))));
        }
        return facts;
    }

    private static String target(SuiteConfig config, Words w) {
        return switch (config.targetKind()) {
            case EXTERNAL -> w.get("scope.target.external", Words.code(config.target().baseUrl()));
            case EMBEDDED_SINGLE -> w.get("scope.target.single");
            case EMBEDDED_REDUNDANT -> w.get("scope.target.redundant", config.embedded().redundancy().instances());
        };
    }

    private static String journey(String journey, SuiteConfig config, Words w) {
        if (!journey.equals(JourneySettings.SALE_DAY)) {
            return w.get("journey." + journey);
        }
        double browsing = config.journeys().saleDayBrowsingShare();
        return w.get("journey.sale-day", Words.number(browsing, 1), Words.number(100 - browsing, 1));
    }

    /** Each request name the journey sends, with its method and path: {@code `list products` (`GET /api/products`)}. */
    private static List<String> requests(String journey, TargetSettings target) {
        Map<String, String> requests = new LinkedHashMap<>();
        if (!journey.equals(JourneySettings.ORDERING)) {
            requests.put(BrowsingJourney.LIST_PRODUCTS, "GET " + target.path("products"));
            requests.put(BrowsingJourney.LIST_NEXT_PAGE, "GET " + target.path("products"));
            requests.put(BrowsingJourney.PRODUCT_DETAIL, "GET " + target.path("product"));
        }
        if (!journey.equals(JourneySettings.BROWSING)) {
            requests.put(OrderingJourney.LIST_HOT_BRAND, "GET " + target.path("products"));
            requests.put(OrderingJourney.PRODUCT_DETAIL, "GET " + target.path("product"));
            requests.put(OrderingJourney.PLACE_ORDER, "POST " + target.path("orders"));
            requests.put(OrderingJourney.RETRY_ORDER, "POST " + target.path("orders"));
            requests.put(OrderingJourney.ORDER_LOOKUP, "GET " + target.path("order"));
        }
        return requests.entrySet().stream()
                .map(e -> Words.code(e.getKey()) + " (" + Words.code(e.getValue()) + ")").toList();
    }
}
