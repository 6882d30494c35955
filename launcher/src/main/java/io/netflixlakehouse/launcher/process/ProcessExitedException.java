package io.netflixlakehouse.launcher.process;

/** A managed process ended while the pipeline still needed it. The message carries the tail of its log. */
public final class ProcessExitedException extends RuntimeException {

    private final String processName;

    public ProcessExitedException(String processName, String message) {
        super(message);
        this.processName = processName;
    }

    public String processName() {
        return processName;
    }
}
