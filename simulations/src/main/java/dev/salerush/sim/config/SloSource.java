package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;

/**
 * Whose SLOs judge a run: the defaults' (tuned for the embedded demo shop on loopback, so a first run against a team's
 * staging would fail on the demo's numbers, not the team's), or the team's own, set in any layer above the defaults
 * ({@code slo.*} or the selected profile's {@code slo}, or a profile of the team's own).
 */
public enum SloSource {
    DEMO_DEFAULTS("demo defaults"),
    TEAM("team");

    /** Said at the start and the end of a run against a team's service that the demo's SLOs judge. */
    public static final String DEMO_WARNING = "the SLOs are the demo defaults (tuned for the embedded demo shop on"
            + " loopback), not your service's: set your own in salerush.conf (slo.peak, profiles.<name>.slo)";

    private final String label;

    SloSource(String label) {
        this.label = label;
    }

    /** Whether a run against {@code target} should be warned that the demo's SLOs judge it. */
    public boolean warnsFor(TargetSettings target) {
        return this == DEMO_DEFAULTS && !target.embedded();
    }

    /** As summary.json writes it. */
    public String label() {
        return label;
    }

    /**
     * @param above   the layers above the defaults, unresolved
     * @param shipped the defaults
     * @param profile the selected profile
     */
    static SloSource of(Config above, Config shipped, String profile) {
        boolean ownProfile = !shipped.hasPath("profiles") || !shipped.getObject("profiles").containsKey(profile);
        boolean sharedSlos = above.root().containsKey("slo");
        boolean profileSlos = above.root().get("profiles") instanceof ConfigObject profiles
                && profiles.get(profile) instanceof ConfigObject selected && selected.containsKey("slo");
        return ownProfile || sharedSlos || profileSlos ? TEAM : DEMO_DEFAULTS;
    }
}
