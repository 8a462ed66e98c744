package io.parkwatch.cli.registry;

/** What a registry load did, counted in records (parks, enterprises and points alike). */
public record LoadSummary(int added, int changed, int unchanged, int removed) {

    @Override
    public String toString() {
        return added + " added, " + changed + " changed, " + unchanged + " unchanged, " + removed + " removed";
    }
}
