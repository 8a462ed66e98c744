package io.parkwatch.streams.coverage;

/** When an enterprise counts as reporting for a module. */
public enum EnterpriseRule {
    /** Every one of its required points of the module is live (the default). */
    ALL,
    /** At least one of them is live. */
    ANY
}
