/**
 * JT/T 808 vehicle terminals over TCP, as the standard carries them: a Netty listener (one event
 * loop, no thread per connection) that finds frames in the byte stream, keeps one session per
 * connection (registration, authentication, heartbeats, deregistration, split messages), hands
 * location reports to the gateway's per-message chain ({@code format.SessionGateway}) and answers
 * each with the standard's general answer only once Kafka holds it.
 */
package io.parkwatch.ingest.jt808.tcp;
