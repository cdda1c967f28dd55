package org.crisisdesk.triage;

/**
 * A board column: a type of mention the team answers together.
 *
 * @param kind TOPIC for ordinary categories; CUSTOMER_CENTRE for the fixed column of private cases
 */
public record Category(long id, String name, String color, int position, Kind kind, boolean archived, Rules rules) {

    public enum Kind {
        TOPIC,
        CUSTOMER_CENTRE
    }

    public boolean customerCentre() {
        return kind == Kind.CUSTOMER_CENTRE;
    }
}
