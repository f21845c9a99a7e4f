package dev.weft.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code GET /api/v1/info} tells the UI, as Argo's InfoResponse: the one namespace served
 * (null: all), links to other tools, extra workflow-list columns, the navigation bar's colour and
 * which of Argo's modals to show (Weft shows none unless asked: they speak of Argo's surveys and
 * releases).
 */
public record ServerInfo(
    String managedNamespace,
    List<Link> links,
    List<Column> columns,
    String navColor,
    Set<String> modals) {
  public static final ServerInfo DEFAULT =
      new ServerInfo(null, List.of(), List.of(), null, Set.of());

  /** Argo's link scopes: where in the UI a link is shown. */
  public static final Set<String> SCOPES =
      Set.of(
          "workflow",
          "pod",
          "pod-logs",
          "event-source-logs",
          "sensor-logs",
          "workflow-list",
          "chat");

  public static final Set<String> MODALS = Set.of("feedback", "firstTimeUser", "newVersion");

  private static final Pattern COLOR = Pattern.compile("[#A-Za-z0-9(),.% -]{1,64}");

  /** A link to another tool; {@code url} may hold Argo's {@code ${metadata.name}} references. */
  public record Link(String name, String scope, String url) {}

  /** A list column showing a label or annotation: type {@code label} or {@code annotation}. */
  public record Column(String name, String type, String key) {}

  public ServerInfo {
    links = List.copyOf(links);
    columns = List.copyOf(columns);
    modals = Set.copyOf(modals);
    if (navColor != null && !COLOR.matcher(navColor).matches()) {
      throw new IllegalArgumentException(
          "nav color \"" + navColor + "\" is not a CSS colour such as #0f6fbd or darkblue");
    }
    for (String m : modals) {
      if (!MODALS.contains(m)) {
        throw new IllegalArgumentException(
            "modal \"" + m + "\": expected one of feedback, firstTimeUser, newVersion");
      }
    }
  }

  /**
   * A link from {@code NAME,SCOPE,URL}: the URL (after the second comma, so it may hold commas)
   * must be http or https, so that no {@code javascript:} link reaches the UI.
   */
  public static Link link(String text) {
    String[] parts = text.split(",", 3);
    if (parts.length != 3 || parts[0].isBlank()) {
      throw new IllegalArgumentException("link \"" + text + "\": expected NAME,SCOPE,URL");
    }
    String scope = parts[1].strip();
    if (!SCOPES.contains(scope)) {
      throw new IllegalArgumentException(
          "link \"" + text + "\": scope \"" + scope + "\" is not one of " + SCOPES);
    }
    String url = parts[2].strip();
    String scheme;
    try {
      // ${...} references are not URI characters: check the URL with them blanked out
      scheme = URI.create(url.replaceAll("\\$\\{[^}]*}", "x")).getScheme();
    } catch (IllegalArgumentException e) {
      scheme = null;
    }
    if (scheme == null || !Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "link \"" + text + "\": the URL must be an http or https URL");
    }
    return new Link(parts[0].strip(), scope, url);
  }

  /** A column from {@code NAME,TYPE,KEY}. */
  public static Column column(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
      throw new IllegalArgumentException("column \"" + text + "\": expected NAME,TYPE,KEY");
    }
    String type = parts[1].strip();
    if (!type.equals("label") && !type.equals("annotation")) {
      throw new IllegalArgumentException(
          "column \"" + text + "\": type must be label or annotation, found \"" + type + "\"");
    }
    return new Column(parts[0].strip(), type, parts[2].strip());
  }

  /**
   * Argo's InfoResponse, written as its gateway writes it: empty fields left out, {@code modals}
   * always there.
   */
  Map<String, Object> response() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (managedNamespace != null && !managedNamespace.isEmpty()) {
      out.put("managedNamespace", managedNamespace);
    }
    if (!links.isEmpty()) out.put("links", links);
    Map<String, Boolean> shown = new LinkedHashMap<>();
    for (String m : List.of("feedback", "firstTimeUser", "newVersion")) {
      shown.put(m, modals.contains(m));
    }
    out.put("modals", shown);
    if (navColor != null && !navColor.isEmpty()) out.put("navColor", navColor);
    if (!columns.isEmpty()) out.put("columns", columns);
    return out;
  }
}
