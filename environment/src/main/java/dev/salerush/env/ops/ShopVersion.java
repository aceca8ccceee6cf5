package dev.salerush.env.ops;

import dev.salerush.shop.config.VersionSettings;
import dev.salerush.shop.config.Behaviour;

import java.util.List;

/**
 * A version of the demo shop as the suite deploys it: its label (in /health and every metric) and its behaviour
 * ({@code normal}, or a defect on purpose). Written {@code <label>[:<behaviour>]}, e.g. {@code v1.1} or
 * {@code v2:broken-orders}; the demo shop's own rules decide what is valid.
 */
public record ShopVersion(String label, String behaviour) {
    public static final String FORM = "<label>[:<behaviour>], e.g. v1.1 or v2:broken-orders";

    public ShopVersion {
        if (!VersionSettings.isValidLabel(label)) {
            throw new IllegalArgumentException("version label '" + label + "' is not " + VersionSettings.LABEL_RULE);
        }
        if (Behaviour.fromArgName(behaviour).isEmpty()) {
            throw new IllegalArgumentException("behaviour '" + behaviour + "' is not one of "
                    + String.join(", ", behaviours()));
        }
    }

    /** {@code <label>[:<behaviour>]}; the behaviour is {@code normal} when not given. */
    public static ShopVersion parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new ShopVersion(text, Behaviour.NORMAL.argName())
                : new ShopVersion(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The behaviours a version can have. */
    public static List<String> behaviours() {
        return Behaviour.argNames();
    }

    /** As the demo shop takes it. */
    public VersionSettings toShop() {
        return new VersionSettings(label, Behaviour.fromArgName(behaviour).orElseThrow(),
                VersionSettings.DEFAULT_SLOW_DELAY);
    }

    @Override
    public String toString() {
        return Behaviour.NORMAL.argName().equals(behaviour) ? label : label + ":" + behaviour;
    }
}
