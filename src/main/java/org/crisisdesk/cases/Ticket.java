package org.crisisdesk.cases;

/**
 * A ticket in the helpdesk.
 *
 * @param id the service's id (used in its URLs)
 * @param number what people quote ("#35436" in Zendesk, "31001" in Zammad): shown on the card and in replies
 * @param url where a person opens it in a browser, or null
 */
public record Ticket(String id, String number, String url) {}
