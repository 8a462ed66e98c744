package io.parkwatch.console.rules;

/** What a geofence polygon is, as the map draws it; read from the rule's shape (see {@link GeofenceArea}). */
public enum AreaKind {
    KEY_AREA("key-area"),
    NO_PARKING("no-parking"),
    CORRIDOR("corridor");

    private final String wireName;

    AreaKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * A fence alerting outside is a route corridor; one alerting inside only when slow is a
     * no-parking zone (a dwell); any other alerting inside is a key area.
     */
    public static AreaKind of(boolean alertInside, boolean onlyWhenSlow) {
        if (!alertInside) {
            return CORRIDOR;
        }
        return onlyWhenSlow ? NO_PARKING : KEY_AREA;
    }
}
