package io.parkwatch.infra.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * This node's place in a cluster of combined broker+controller nodes on loopback with a static
 * voter set: its id, every voter's controller port, and the cluster id all nodes are formatted
 * with. Fixed ports let a killed node start again in place, where the others expect it.
 *
 * @param controllerPorts node id to controller port, this node's included
 * @param clusterId       the same for every node (a base64 UUID, e.g. {@code Uuid.randomUuid()})
 */
public record KraftQuorum(int nodeId, Map<Integer, Integer> controllerPorts, String clusterId) {

    public KraftQuorum {
        controllerPorts = Map.copyOf(controllerPorts);
        Objects.requireNonNull(clusterId, "clusterId is required");
        if (!controllerPorts.containsKey(nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " is not among the voters " + controllerPorts.keySet());
        }
        controllerPorts.values().forEach(port -> {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("controller ports must be 1-65535, got " + port);
            }
        });
    }

    public int controllerPort() {
        return controllerPorts.get(nodeId);
    }

    /** {@code controller.quorum.voters}: {@code 1@host:port,2@host:port,…}. */
    String voters(String host) {
        return new TreeMap<>(controllerPorts).entrySet().stream()
            .map(voter -> voter.getKey() + "@" + host + ":" + voter.getValue())
            .collect(Collectors.joining(","));
    }
}
