/** The Kafka Streams topology of the threshold engine: its inputs, processor, rule catalog, stores and metrics. */
package io.parkwatch.alerts.topology;
