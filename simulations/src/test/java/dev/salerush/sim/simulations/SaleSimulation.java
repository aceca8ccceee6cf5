package dev.salerush.sim.simulations;

import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.gatling.SalerushSimulation;
import dev.salerush.sim.journeys.BrowsingJourney;
import dev.salerush.sim.journeys.OrderingJourney;
import dev.salerush.sim.journeys.TargetIds;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The sale, as the selected profile's journey says: product browsing, sale ordering of hot items, or the sale-day
 * mix of both. {@code mvn gatling:test -Dprofile=<name>} runs this simulation.
 */
public class SaleSimulation extends SalerushSimulation {
    private final JourneySettings journeys = run.config().journeys();
    private final TargetIds ids = TargetIds.fromDataset(run.config());

    BrowsingJourney browsing = new BrowsingJourney(journeys.browsing(), target, this::timed, ids);
    OrderingJourney ordering = new OrderingJourney(journeys.ordering(), target, this::timed, ids);

    ScenarioBuilder productBrowsing = scenario("product browsing").exec(browsing.browse);

    ScenarioBuilder saleOrdering = scenario("sale ordering").exec(ordering.order);

    ScenarioBuilder saleDay = scenario("sale day").exec(randomSwitch().on(
            percent(journeys.saleDayBrowsingShare()).then(browsing.browse),
            percent(100 - journeys.saleDayBrowsingShare()).then(ordering.order)));

    {
        setUpProfile(switch (run.profile().journey()) {
            case JourneySettings.BROWSING -> productBrowsing;
            case JourneySettings.ORDERING -> saleOrdering;
            default -> saleDay;
        });
    }
}
