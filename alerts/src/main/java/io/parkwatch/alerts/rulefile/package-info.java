/** The YAML rule file format: reading a pack, every mistake reported with its line and field; the default pack ships beside it. */
package io.parkwatch.alerts.rulefile;
