package org.crisisdesk.mention;

/** The newest position a source has delivered, stored in the same transaction as the mentions it covers. */
public record Checkpoint(String sourceKey, String position) {}
