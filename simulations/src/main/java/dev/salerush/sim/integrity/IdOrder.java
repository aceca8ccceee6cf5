package dev.salerush.sim.integrity;

import java.util.Comparator;

/**
 * The order ids are listed in: product and order ids are text (a team's API may use "G000123"), yet the demo shop's
 * numeric ids must keep their numeric order — whole numbers without leading zeros sort by length first, which is
 * their numeric order; anything else sorts as text after them.
 */
final class IdOrder implements Comparator<String> {
    static final IdOrder INSTANCE = new IdOrder();

    private IdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        boolean numberA = isPlainNumber(a);
        boolean numberB = isPlainNumber(b);
        if (numberA && numberB) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (numberA != numberB) {
            return numberA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isPlainNumber(String id) {
        if (id.isEmpty() || (id.length() > 1 && id.charAt(0) == '0')) {
            return false;
        }
        return id.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
