package dev.weft.server;

import dev.weft.model.Workflow;
import dev.weft.store.LabelSelector;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Argo's workflow list options, read from the query as Argo Server reads them: {@code
 * listOptions.fieldSelector} ({@code metadata.name}, {@code metadata.namespace} with {@code =},
 * {@code ==} or {@code !=}, {@code spec.startedAt>T}, {@code spec.startedAt<T}, {@code
 * ext.showRemainingItemCount=true}, and Weft's {@code status.phase} with {@code =} or {@code !=}),
 * {@code nameFilter} (how {@code metadata.name} compares: Exact, Contains, Prefix or NotEquals),
 * {@code createdAfter} and {@code finishedBefore} (RFC 3339), {@code listOptions.limit} and {@code
 * listOptions.continue} (the offset of the next page, as Argo's continue token is).
 */
public record ListQuery(
    String namespace,
    boolean namespaceExcluded,
    String name,
    String nameFilter,
    String phase,
    boolean phaseNegated,
    Instant startedAfter,
    Instant startedBefore,
    Instant createdAfter,
    Instant finishedBefore,
    LabelSelector labels,
    int limit,
    int offset,
    boolean showRemainingItemCount) {
  private static final Set<String> NAME_FILTERS =
      Set.of("Exact", "Contains", "Prefix", "NotEquals");

  /** One page of the matching workflows, newest first, and what the list's metadata says. */
  public record Page(List<Workflow> items, String continueToken, Long remainingItemCount) {}

  public static ListQuery parse(Request r) {
    String namespace = r.path("namespace");
    boolean namespaceExcluded = false;
    String name = null;
    String nameFilter = r.query("nameFilter");
    String phase = null;
    boolean phaseNegated = false;
    Instant startedAfter = null;
    Instant startedBefore = null;
    boolean remaining = false;
    String selector = r.query("listOptions.fieldSelector");
    for (String raw : selector == null ? new String[0] : selector.split(",")) {
      String term = raw.strip();
      if (term.isEmpty()) continue;
      if (term.startsWith("metadata.namespace!=")) {
        namespace = after(term, "metadata.namespace!=");
        namespaceExcluded = true;
      } else if (term.startsWith("metadata.namespace=")) {
        String given =
            after(
                term,
                term.startsWith("metadata.namespace==")
                    ? "metadata.namespace=="
                    : "metadata.namespace=");
        if (namespace != null && !namespace.equals(given)) {
          throw ApiException.invalid(
              "'namespace' (\""
                  + namespace
                  + "\") and listOptions.fieldSelector 'metadata.namespace' (\""
                  + given
                  + "\") are both specified and contradict each other");
        }
        namespace = given;
      } else if (term.startsWith("metadata.name!=")) {
        name = after(term, "metadata.name!=");
        nameFilter = "NotEquals";
      } else if (term.startsWith("metadata.name=")) {
        name =
            after(term, term.startsWith("metadata.name==") ? "metadata.name==" : "metadata.name=");
      } else if (term.startsWith("status.phase!=")) {
        phase = after(term, "status.phase!=");
        phaseNegated = true;
      } else if (term.startsWith("status.phase=")) {
        phase = after(term, term.startsWith("status.phase==") ? "status.phase==" : "status.phase=");
      } else if (term.startsWith("spec.startedAt>")) {
        startedAfter = time(after(term, "spec.startedAt>"), "spec.startedAt");
      } else if (term.startsWith("spec.startedAt<")) {
        startedBefore = time(after(term, "spec.startedAt<"), "spec.startedAt");
      } else if (term.startsWith("ext.showRemainingItemCount=")) {
        String flag = after(term, "ext.showRemainingItemCount=");
        if (!flag.equals("true") && !flag.equals("false")) {
          throw ApiException.invalid(
              "ext.showRemainingItemCount: expected true or false, found \"" + flag + "\"");
        }
        remaining = flag.equals("true");
      } else {
        throw ApiException.invalid("listOptions.fieldSelector: unsupported requirement " + term);
      }
    }
    if (nameFilter != null && !NAME_FILTERS.contains(nameFilter)) {
      throw ApiException.invalid(
          "nameFilter: expected Exact, Contains, Prefix or NotEquals, found \""
              + nameFilter
              + "\"");
    }
    return new ListQuery(
        namespace,
        namespaceExcluded,
        name,
        nameFilter == null ? "Exact" : nameFilter,
        phase,
        phaseNegated,
        startedAfter,
        startedBefore,
        time(r.query("createdAfter"), "createdAfter"),
        time(r.query("finishedBefore"), "finishedBefore"),
        StoredObjects.labels(r),
        number(r.query("listOptions.limit"), "listOptions.limit"),
        continueOffset(r),
        remaining);
  }

  private static String after(String term, String prefix) {
    return term.substring(prefix.length()).strip();
  }

  private static Instant time(String text, String what) {
    if (text == null) return null;
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          what + ": \"" + text + "\" is not an RFC 3339 time such as 2024-01-02T15:04:05Z");
    }
  }

  /** A list's {@code listOptions.limit}: a non-negative integer, 0 when absent. */
  static int number(String text, String what) {
    return number(text, what, "be a non-negative integer");
  }

  /**
   * The offset {@code listOptions.continue} carries: the {@code metadata.continue} given before.
   */
  static int continueOffset(Request r) {
    return number(
        r.query("listOptions.continue"),
        "listOptions.continue",
        "be a continue token from this server's previous answer");
  }

  private static int number(String text, String what, String must) {
    if (text == null) return 0;
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(what + ": \"" + text + "\" is not valid: it must " + must);
  }

  /** The namespace the store is asked for: all of them when one is excluded. */
  public String storeNamespace() {
    return namespaceExcluded ? null : namespace;
  }

  public boolean matches(Workflow wf) {
    String ns = wf.metadata().namespaceOrDefault();
    if (namespaceExcluded && ns.equals(namespace)) return false;
    if (!labels.matches(wf.metadata().labels())) return false;
    if (name != null && !nameMatches(wf.metadata().name())) return false;
    if (phase != null && phase.equals(WorkflowHandlers.field(wf, "status.phase")) == phaseNegated) {
      return false;
    }
    Instant started = wf.status() == null ? null : wf.status().startedAt();
    Instant finished = wf.status() == null ? null : wf.status().finishedAt();
    if (startedAfter != null && (started == null || started.isBefore(startedAfter))) return false;
    if (startedBefore != null && (started == null || started.isAfter(startedBefore))) return false;
    if (finishedBefore != null && (finished == null || finished.isAfter(finishedBefore))) {
      return false;
    }
    if (createdAfter != null) {
      Instant created = created(wf);
      if (created == null || created.isBefore(createdAfter)) return false;
    }
    return true;
  }

  private boolean nameMatches(String actual) {
    String n = actual == null ? "" : actual;
    return switch (nameFilter) {
      case "Contains" -> n.contains(name);
      case "Prefix" -> n.startsWith(name);
      case "NotEquals" -> !n.equals(name);
      default -> n.equals(name);
    };
  }

  /** The matching workflows sorted as Argo sorts them, cut to the page asked for. */
  public Page page(List<Workflow> all) {
    List<Workflow> matching = new ArrayList<>(all.stream().filter(this::matches).toList());
    matching.sort(NEWEST_FIRST);
    int from = Math.min(offset, matching.size());
    int to = limit == 0 ? matching.size() : (int) Math.min((long) from + limit, matching.size());
    long remaining = matching.size() - to;
    return new Page(
        List.copyOf(matching.subList(from, to)),
        remaining > 0 ? Integer.toString(to) : null,
        showRemainingItemCount ? remaining : null);
  }

  /**
   * Argo's order: running workflows first, the most recently created first; then finished ones, the
   * most recently finished first.
   */
  static final Comparator<Workflow> NEWEST_FIRST =
      Comparator.comparing((Workflow wf) -> finished(wf) != null)
          .thenComparing(ListQuery::finished, Comparator.nullsFirst(Comparator.reverseOrder()))
          .thenComparing(ListQuery::created, Comparator.nullsLast(Comparator.reverseOrder()));

  private static Instant finished(Workflow wf) {
    return wf.status() == null ? null : wf.status().finishedAt();
  }

  private static Instant created(Workflow wf) {
    String text = wf.metadata().creationTimestamp();
    if (text == null || text.isEmpty()) return null;
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
