package io.greentwin.jobs.source.mqtt;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

/**
 * A message a split's client received and has not acknowledged yet.
 *
 * @param splitId the split (client id) that received it
 * @param publish the message; {@link Mqtt5Publish#acknowledge()} sends its PUBACK
 * @param receivedMs when it arrived (epoch milliseconds)
 */
record ReceivedPublish(String splitId, Mqtt5Publish publish, long receivedMs) {}
