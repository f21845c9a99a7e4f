package dev.weft.controller.provenance;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A URL as a statement may show it: a statement is read by more people than a spec, so what grants
 * access (a user's password, a presigned URL's signature or token) is taken out; the rest still
 * says what was fetched.
 */
final class PublicUrl {
  static final String REDACTED = "REDACTED";

  /** Query parameters that are credentials: S3, GCS and Azure presigned URLs, bearer tokens. */
  private static final Set<String> SECRET_PARAMETERS =
      Set.of(
          "x-amz-signature",
          "x-amz-credential",
          "x-amz-security-token",
          "x-goog-signature",
          "x-goog-credential",
          "signature",
          "sig",
          "token",
          "access_token");

  private PublicUrl() {}

  /** The URL without its user-info and with secret query values replaced by {@value #REDACTED}. */
  static String of(String url) {
    return url == null ? null : withoutSecretParameters(withoutUserInfo(url));
  }

  /**
   * The URL without {@code user:password@}: a statement is read by more people than a spec. Cut as
   * text, not through {@link java.net.URI}, which reads an authority whose host is no DNS name (an
   * underscore) as registry-based, with no user-info to remove, and refuses a password with a
   * space: the user-info is everything of the authority up to its last {@code @}.
   */
  static String withoutUserInfo(String url) {
    if (url == null) return null;
    int scheme = url.indexOf("://");
    if (scheme < 0) return url;
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
    int at = url.lastIndexOf('@', end - 1);
    return at < start ? url : url.substring(0, start) + url.substring(at + 1);
  }

  /** Values of {@link #SECRET_PARAMETERS} (by name, any case) replaced; the names stay. */
  static String withoutSecretParameters(String url) {
    int query = url.indexOf('?');
    if (query < 0) return url;
    int fragment = url.indexOf('#', query);
    int end = fragment < 0 ? url.length() : fragment;
    String redacted =
        java.util.Arrays.stream(url.substring(query + 1, end).split("&", -1))
            .map(PublicUrl::redacted)
            .collect(Collectors.joining("&"));
    return url.substring(0, query + 1) + redacted + url.substring(end);
  }

  private static String redacted(String parameter) {
    int eq = parameter.indexOf('=');
    String name = eq < 0 ? parameter : parameter.substring(0, eq);
    return eq >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))
        ? name + "=" + REDACTED
        : parameter;
  }
}
