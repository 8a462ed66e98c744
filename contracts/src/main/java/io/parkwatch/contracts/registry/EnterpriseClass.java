package io.parkwatch.contracts.registry;

/** The class flags of the regional plan that decide which coverage targets an enterprise counts in. */
public enum EnterpriseClass {
    /** 规上企业. */
    ABOVE_SCALE,
    /** 重点用能企业. */
    KEY_ENERGY_USER,
    /** 重点排污单位. */
    KEY_POLLUTER,
    /** 重点应急监管企业. */
    KEY_EMERGENCY_SUPERVISED,
    /** 危险化学品企业. */
    CHEMICAL
}
