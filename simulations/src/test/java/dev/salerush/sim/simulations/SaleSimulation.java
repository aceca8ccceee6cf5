package dev.salerush.sim.simulations;

import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.gatling.SalerushSimulation;
import dev.salerush.sim.journeys.BrowsingJourney;
import dev.salerush.sim.journeys.OrderingJourney;
import dev.salerush.sim.journeys.ShopRequests;
import dev.salerush.sim.journeys.TargetIds;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;

/**
 * The sale, as the selected profile's journey says: product browsing, sale ordering of hot items, or the sale-day
 * mix of both. {@code mvn gatling:test -Dprofile=<name>} runs this simulation.
 */
public class SaleSimulation extends SalerushSimulation {
    private final JourneySettings journeys = run.config().journeys();
    private final TargetIds ids = run.targetIds();

    private final ShopRequests requests = new ShopRequests(target);

    BrowsingJourney browsing = new BrowsingJourney(journeys.browsing(), requests, this::timed, ids);
    OrderingJourney ordering = new OrderingJourney(journeys.ordering(), requests, this::timed, ids, run.orderLog());

    ChainBuilder saleDay = randomSwitch().on(
            percent(journeys.saleDayBrowsingShare()).then(browsing.browse),
            percent(100 - journeys.saleDayBrowsingShare()).then(ordering.order));

    /** The demo shop's journeys, whose orders the integrity check reads. */
    @Override
    protected boolean drivesShopJourneys() {
        return true;
    }

    /** The selected profile's journey's mean, from the journeys section (sale-day: the weighted mix). */
    @Override
    protected double requestsPerUser() {
        return journeys.expectedRequests(run.profile().journey());
    }

    {
        switch (run.profile().journey()) {
            case JourneySettings.BROWSING -> setUpProfile("product browsing", browsing.browse);
            case JourneySettings.ORDERING -> setUpProfile("sale ordering", ordering.order);
            default -> setUpProfile("sale day", saleDay);
        }
    }
}
