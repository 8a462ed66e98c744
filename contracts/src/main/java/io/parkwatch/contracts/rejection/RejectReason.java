package io.parkwatch.contracts.rejection;

/**
 * Why an input was refused. The code is stable (it is on the wire, in metrics and in the
 * sender's feedback); the description is for people. Input that is bad is rejected, never
 * retried; a failed dependency is never a reject reason.
 */
public enum RejectReason {
    UNKNOWN_TOPIC("the MQTT topic does not follow parks/{park}/enterprises/{enterprise}/..."),
    IDENTITY_MISMATCH("the payload names another park, enterprise or point than its topic"),
    UNKNOWN_PARK("the park is not in the registry"),
    UNKNOWN_ENTERPRISE("the enterprise is not in the registry"),
    UNKNOWN_POINT("the point is not in the registry"),
    PAYLOAD_TOO_LARGE("the payload exceeds the size cap"),
    NOT_UTF8("the payload is not valid UTF-8 text"),
    MALFORMED_JSON("the payload is not the documented JSON"),
    MISSING_FIELD("a required field is missing"),
    NON_FINITE_VALUE("the value is not a finite number"),
    UNKNOWN_UNIT("the unit is not known for the metric"),
    TIMESTAMP_INVALID("the timestamp cannot be parsed"),
    TIMESTAMP_IN_FUTURE("the timestamp is further in the future than the allowed clock skew"),
    TIMESTAMP_TOO_OLD("the timestamp is older than the accepted horizon"),
    HJ212_MALFORMED("the HJ 212 packet does not follow the standard's layout"),
    HJ212_BAD_LENGTH("the HJ 212 length field does not match the data segment"),
    HJ212_BAD_CRC("the HJ 212 CRC does not match the data segment"),
    HJ212_UNKNOWN_MN("the HJ 212 device id (MN) is not in the registry"),
    HJ212_NOT_ASCII("the HJ 212 packet holds a byte that is not printable ASCII"),
    HJ212_MALFORMED_CP("the HJ 212 CP segment does not follow the standard's name=value layout"),
    HJ212_UNSUPPORTED_COMMAND("the HJ 212 command code (CN) is not one parkwatch accepts"),
    HJ212_SPLIT_INCOMPLETE("the parts of a split HJ 212 packet (PNUM/PNO) did not all arrive in time"),
    HJ212_BAD_PASSWORD("the HJ 212 access password (PW) is not the one issued for the MN"),
    JT808_BAD_ESCAPE("the JT/T 808 frame has an invalid escape sequence"),
    JT808_BAD_CHECK_CODE("the JT/T 808 check code does not match"),
    JT808_TRUNCATED("the JT/T 808 frame is shorter than its header says"),
    JT808_MALFORMED("the JT/T 808 frame does not follow the standard's layout"),
    JT808_UNSUPPORTED_MESSAGE("the JT/T 808 message id is not one parkwatch accepts"),
    JT808_INVALID_POSITION("the JT/T 808 latitude, longitude or direction is out of range"),
    JT808_UNKNOWN_TERMINAL("the JT/T 808 terminal is not in the registry"),
    JT808_NOT_AUTHENTICATED("the JT/T 808 terminal sent a message before it authenticated on its connection"),
    JT808_BAD_AUTH_CODE("the JT/T 808 authentication code is not the one the platform issued to the terminal"),
    SINK_REFUSED("the time-series database refused the point as invalid"),
    UNREADABLE_RECORD("a record on a parkwatch topic could not be read with the topic's serde");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
