package io.orderhooks.examples.merchant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shipping zones between two states of one country: zone 1 within a state, zone 2 between neighbouring
 * states, zone 3 otherwise. Immutable and thread-safe.
 */
public final class ShippingZones {

    public static final int LOCAL = 1;
    public static final int NEIGHBOURING = 2;
    public static final int DISTANT = 3;

    private final Map<String, Set<String>> neighbours;

    private ShippingZones(Map<String, Set<String>> neighbours) {
        this.neighbours = Map.copyOf(neighbours);
    }

    /**
     * Zones from border pairs, e.g. {@code of("MN-WI", "MN-IA")}; each pair works both ways.
     *
     * @throws IllegalArgumentException naming a pair that is not two state codes joined by a hyphen
     */
    public static ShippingZones of(String... borders) {
        Map<String, Set<String>> neighbours = new HashMap<>();
        for (String border : borders) {
            String[] states = border == null ? new String[0] : border.toUpperCase(Locale.ROOT).split("-");
            if (states.length != 2 || states[0].isBlank() || states[1].isBlank() || states[0].equals(states[1])) {
                throw new IllegalArgumentException("a border must name two different states like MN-WI, was " + border);
            }
            neighbours.computeIfAbsent(states[0], k -> new HashSet<>()).add(states[1]);
            neighbours.computeIfAbsent(states[1], k -> new HashSet<>()).add(states[0]);
        }
        neighbours.replaceAll((state, set) -> Set.copyOf(set));
        return new ShippingZones(neighbours);
    }

    /** The state borders of the upper Midwest, where the demo merchant's warehouses are. */
    public static ShippingZones upperMidwest() {
        return of("MN-WI", "MN-IA", "MN-ND", "MN-SD", "WI-IA", "WI-IL", "WI-MI", "IA-IL", "IA-MO", "IA-NE",
                "IA-SD", "IL-MO", "IL-IN", "IL-KY", "ND-SD", "ND-MT", "SD-NE", "SD-MT", "SD-WY", "NE-MO");
    }

    /** The zone from {@code fromState} to {@code toState} (case-insensitive). */
    public int zone(String fromState, String toState) {
        String from = fromState.trim().toUpperCase(Locale.ROOT);
        String to = toState.trim().toUpperCase(Locale.ROOT);
        if (from.equals(to)) {
            return LOCAL;
        }
        return neighbours.getOrDefault(from, Set.of()).contains(to) ? NEIGHBOURING : DISTANT;
    }
}
