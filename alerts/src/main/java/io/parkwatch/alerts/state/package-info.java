/** What the engine remembers per (point, rule) and per mean window, and the compact binary form of its state stores. */
package io.parkwatch.alerts.state;
