package org.crisisdesk.alert.delivery;

/** Sends one message on one channel; blocks on the network. Implementations never log the message's secrets. */
public interface ChannelSender {
    void send(AlertChannel channel, String subject, String text, String json) throws DeliveryException;
}
