package io.netflixlakehouse.quality.domain;

/** Reason codes for stopping the flow instead of routing a record. */
public enum StopReason {
    /** The record failed an expectation whose action is {@code fail}. */
    EXPECTATION_FAILED,
    /** The record names a dataset that has no configured expectations. */
    UNKNOWN_DATASET
}
