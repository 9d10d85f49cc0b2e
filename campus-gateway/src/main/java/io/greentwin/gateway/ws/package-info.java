/**
 * Ditto's WebSocket binding at {@code /ws/2}, speaking the Ditto Protocol with Eclipse Ditto's own
 * {@code ditto-protocol} library, so that Ditto's clients (the official Java client included) work
 * against GreenTwin unchanged.
 *
 * <ul>
 *   <li>Control frames {@code START-/STOP-SEND-EVENTS}, {@code -MESSAGES}, {@code -LIVE-EVENTS},
 *       {@code -LIVE-COMMANDS} answered with exactly {@code <NAME>:ACK}; repeats (reconnects)
 *       replace the earlier subscription. Messages and the live channel are acknowledged but not
 *       routed yet; a live command is answered with {@code gateway:service.unavailable}.
 *   <li>Every twin command on the thing and its parts ({@link TwinCommands}), with responses, Ditto
 *       errors or aggregated acknowledgements under the request's {@code correlation-id}; {@code
 *       If-Match}, {@code If-None-Match} and {@code condition} ({@link ConditionalHeaders}); {@code
 *       at-historical-revision}/{@code -timestamp} on retrieves.
 *   <li>Twin events after {@code START-SEND-EVENTS}, filtered by {@code namespaces} and an RQL
 *       {@code filter} on the changed data plus {@code extraFields} ({@link EventSubscription}).
 *   <li>Search subscriptions ({@link SearchSubscriptions}) and persisted-event streams ({@link
 *       HistorySubscriptions}) with reactive-streams demand.
 * </ul>
 *
 * <p>Events carry no {@code correlation-id}: twin events do not record the command that caused
 * them, and the Java client would take an event bearing a pending command's correlation id for that
 * command's response.
 */
package io.greentwin.gateway.ws;
