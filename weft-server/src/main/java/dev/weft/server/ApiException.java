package dev.weft.server;

/** A refusal with its gRPC code and HTTP status, as Argo Server's gRPC gateway reports it. */
public final class ApiException extends RuntimeException {
  private final int grpcCode;
  private final int httpStatus;

  public ApiException(int grpcCode, int httpStatus, String message) {
    super(message, null, false, false);
    this.grpcCode = grpcCode;
    this.httpStatus = httpStatus;
  }

  public int grpcCode() {
    return grpcCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public static ApiException invalid(String message) {
    return new ApiException(3, 400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(5, 404, message);
  }

  public static ApiException alreadyExists(String message) {
    return new ApiException(6, 409, message);
  }

  public static ApiException aborted(String message) {
    return new ApiException(10, 409, message);
  }

  public static ApiException failedPrecondition(String message) {
    return new ApiException(9, 400, message);
  }

  public static ApiException unauthenticated(String message) {
    return new ApiException(16, 401, message);
  }

  public static ApiException unimplemented(String message) {
    return new ApiException(12, 501, message);
  }

  public static ApiException methodNotAllowed(String message) {
    return new ApiException(12, 405, message);
  }

  public static ApiException internal(String message) {
    return new ApiException(13, 500, message);
  }
}
