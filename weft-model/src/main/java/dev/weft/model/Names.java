package dev.weft.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for names that Weft turns into host paths, as pure checks shared by the linter
 * and the controller. Each returns what is wrong with the value, or empty when it is valid.
 */
public final class Names {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private Names() {}

  /** A namespace, volume name or claim name: a DNS-1123 label. */
  public static Optional<String> dns1123Label(String value) {
    if (value == null || value.isEmpty()) return Optional.of("must not be empty");
    if (value.length() > 63) return Optional.of("must be no more than 63 characters");
    if (!DNS1123_LABEL.matcher(value).matches()) {
      return Optional.of(
          "\""
              + value
              + "\" must consist of lower case alphanumeric characters or '-', and must start and"
              + " end with an alphanumeric character (a DNS-1123 label)");
    }
    return Optional.empty();
  }

  /** An object's name (a Secret's, a template's): a DNS-1123 subdomain. */
  public static Optional<String> dns1123Subdomain(String value) {
    if (value == null || value.isEmpty()) return Optional.of("must not be empty");
    if (value.length() > 253) return Optional.of("must be no more than 253 characters");
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      return Optional.of(
          "\""
              + value
              + "\" must consist of lower case alphanumeric characters, '-' or '.', and must start"
              + " and end with an alphanumeric character (a DNS-1123 subdomain)");
    }
    return Optional.empty();
  }

  /** A ConfigMap or Secret key. */
  public static Optional<String> configKey(String value) {
    if (value == null || value.isEmpty()) return Optional.of("must not be empty");
    if (value.length() > 253) return Optional.of("must be no more than 253 characters");
    if (value.equals(".") || value.equals("..")) {
      return Optional.of("\"" + value + "\" must not be '.' or '..'");
    }
    if (!CONFIG_KEY.matcher(value).matches()) {
      return Optional.of(
          "\"" + value + "\" must consist of alphanumeric characters, '-', '_' or '.'");
    }
    return Optional.empty();
  }

  /**
   * An artifact key or subPath: relative, with no {@code ..} component and naming something
   * (neither empty nor only {@code .}). Leading slashes of a key are Argo's bucket-relative form
   * and are allowed when {@code leadingSlash} is true.
   */
  public static Optional<String> relativePath(String value, boolean leadingSlash) {
    if (value == null || value.isEmpty()) return Optional.of("must not be empty");
    String v = leadingSlash ? value.replaceFirst("^/+", "") : value;
    if (v.startsWith("/")) return Optional.of("\"" + value + "\" must be a relative path");
    boolean names = false;
    for (String part : v.split("/", -1)) {
      if (part.equals("..")) return Optional.of("\"" + value + "\" must not contain '..'");
      if (!part.isEmpty() && !part.equals(".")) names = true;
    }
    if (value.indexOf('\0') >= 0) return Optional.of("must not contain a NUL character");
    return names ? Optional.empty() : Optional.of("\"" + value + "\" names no file");
  }
}
