package io.netflixlakehouse.quality.domain;

/** A rule set that cannot be used; thrown at start-up so the service does not start with it. */
public final class RuleConfigurationException extends RuntimeException {

    public RuleConfigurationException(String message) {
        super(message);
    }

    public RuleConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
