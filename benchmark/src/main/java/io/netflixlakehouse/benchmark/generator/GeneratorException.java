package io.netflixlakehouse.benchmark.generator;

/** A generator failure with the reason code that names the policy that stopped it. */
public final class GeneratorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the generator stopped. */
  public enum Reason {
    /** The source file is missing or cannot be read as CSV. */
    SOURCE_UNREADABLE,
    /** The source file's header is not the Kaggle header. */
    SOURCE_HEADER_MISMATCH,
    /** The source file has no usable records for some distribution. */
    SOURCE_EMPTY,
    /** The output cannot be written. */
    OUTPUT_UNWRITABLE,
    /** A setting is out of range. */
    INVALID_SETTING
  }

  private final Reason reason;

  public GeneratorException(Reason reason, String message, Throwable cause) {
    super("[" + reason + "] " + message, cause);
    this.reason = reason;
  }

  public GeneratorException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
