package dev.weft.cli.client;

import java.util.List;

/**
 * Why a client command cannot go on: the server refused (its message, with the HTTP status), the
 * server could not be reached, or the command line itself was wrong. `weft` prints the message
 * alone, never a stack trace.
 */
public final class ClientException extends RuntimeException {
  /** What kind of failure, so callers can react to "not there" without parsing messages. */
  public enum Reason {
    BAD_INPUT,
    UNREACHABLE,
    SERVER
  }

  private final Reason reason;
  private final int status;
  private final List<String> findings;

  private ClientException(String message, Reason reason, int status, List<String> findings) {
    super(message, null, false, false);
    this.reason = reason;
    this.status = status;
    this.findings = findings;
  }

  private ClientException(String message, Reason reason, int status) {
    this(message, reason, status, List.of());
  }

  /**
   * Bad input reported as {@code file:line:col: error: ...} lines, printed as they are (no "weft:"
   * prefix), as `weft lint` prints them.
   */
  public static ClientException findings(List<String> lines) {
    return new ClientException(String.join("\n", lines), Reason.BAD_INPUT, 0, List.copyOf(lines));
  }

  /** The lines to print instead of the message; empty for a one-line message. */
  public List<String> findingLines() {
    return findings;
  }

  public static ClientException badInput(String message) {
    return new ClientException(message, Reason.BAD_INPUT, 0);
  }

  public static ClientException unreachable(String message) {
    return new ClientException(message, Reason.UNREACHABLE, 0);
  }

  public static ClientException server(int status, String message) {
    return new ClientException(message, Reason.SERVER, status);
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status of a server refusal; 0 for the other reasons. */
  public int status() {
    return status;
  }

  public boolean notFound() {
    return status == 404;
  }
}
