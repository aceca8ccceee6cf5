package dev.salerush.sim.report.incident;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.report.incident.ReviewPoints.Point;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 잘된 점 and 아쉬운 점 as facts: keys and figures, without a template. */
class ReviewPointsTest {
    private static final Texts KOREAN = new Texts(ReportSettings.defaults());

    @Test
    void theBadDeployStatesItsTimesAgainstTheirBoundsAndItsImpactAsWhatWentBadly() {
        ReviewPoints review = ReviewPoints.of(DrillFixtures.badDeployPassed(), KOREAN);

        assertThat(review.wentWell()).contains(new Point("review.detected.within", "40.0", "60", "`OrderFailureRateHigh`"),
                new Point("review.firstAction.afterNotice", "`rollback`", "15.0"),
                new Point("review.integrity.passCounted", "7"));
        assertThat(review.wentBadly()).containsExactly(new Point("review.impact.failedOrders", "37", "95초", "42 %"),
                new Point("review.impact.unknownOrders", "3"), new Point("review.impact.users", "120"));
    }

    @Test
    void aDrillWithoutCustomerImpactSaysSoAndHasNothingThatWentBadly() {
        DrillResult quiet = DrillFixtures.badDeployPassed().toBuilder()
                .impact(new DrillResult.Impact(0, 1000, 0, 0, 0, 120.0, 0)).build();

        assertThat(ReviewPoints.of(quiet, KOREAN).wentWell()).contains(new Point("review.impact.none"));
        assertThat(ReviewPoints.of(quiet, KOREAN).wentBadly()).isEmpty();
    }

    @Test
    void aDrillAbortedBeforeItsFaultStatesOnlyTheCriterionThatStoppedIt() {
        DrillResult aborted = DrillFixtures.abortedBeforeFault().toBuilder().criteria(List.of(
                new DrillResult.Criterion("steady-state", "SLIs within tolerance", "p95 900 ms", false))).build();

        assertThat(ReviewPoints.of(aborted, KOREAN).wentWell()).isEmpty();
        assertThat(ReviewPoints.of(aborted, KOREAN).wentBadly()).containsExactly(
                new Point("review.criterionFailed", "steady-state", "`p95 900 ms`"));
    }
}
