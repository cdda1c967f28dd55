package org.crisisdesk.alert.delivery;

/** A message that did not go out: TRANSIENT is retried with back-off, PERMANENT waits for a person. */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        TRANSIENT,
        PERMANENT
    }

    private final Kind kind;

    public DeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
