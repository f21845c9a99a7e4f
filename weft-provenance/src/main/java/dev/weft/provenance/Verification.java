package dev.weft.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.provenance.statement.Statement;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks an attestation against a key and the bytes it speaks of, and names the first thing that
 * does not hold. Pure: where candidate bytes come from (a directory, the server) is the caller's
 * {@code lookup}, which gives the hex sha256 of what it finds under a name, or nothing.
 *
 * <p>The order is the order of trust: the signature first (nothing in an unsigned payload is worth
 * reading), then that the payload is an in-toto statement, then each subject in the statement's
 * order, then each selected resolved dependency.
 */
public final class Verification {
  private Verification() {}

  /** What a check found: everything held, or the first failure. */
  public sealed interface Outcome {
    /** One line for the user. */
    String describe();

    default boolean holds() {
      return this instanceof Verified;
    }
  }

  public record Verified(String keyId, int subjects, int dependencies) implements Outcome {
    @Override
    public String describe() {
      return "verified: signed by key "
          + keyId
          + ", "
          + subjects
          + (subjects == 1 ? " subject" : " subjects")
          + (dependencies == 0 ? "" : ", " + dependencies + " resolved dependencies")
          + " match";
    }
  }

  public record BadSignature(String keyId) implements Outcome {
    @Override
    public String describe() {
      return "bad signature: no signature in the envelope is key " + keyId + "'s over its payload";
    }
  }

  /** The payload is signed but is not an in-toto statement Weft can check. */
  public record NotAStatement(String why) implements Outcome {
    @Override
    public String describe() {
      return "not an in-toto statement: " + why;
    }
  }

  public record MissingSubject(String name) implements Outcome {
    @Override
    public String describe() {
      return "subject \"" + name + "\" is missing";
    }
  }

  public record SubjectMismatch(String name, String attested, String found) implements Outcome {
    @Override
    public String describe() {
      return "subject \"" + name + "\" does not match: sha256 " + found + ", attested " + attested;
    }
  }

  public record MissingDependency(String uri) implements Outcome {
    @Override
    public String describe() {
      return "resolved dependency \"" + uri + "\" is missing";
    }
  }

  public record DependencyMismatch(String uri, String attested, String found) implements Outcome {
    @Override
    public String describe() {
      return "resolved dependency \""
          + uri
          + "\" does not match: sha256 "
          + found
          + ", attested "
          + attested;
    }
  }

  /** Checks the signature and every subject. */
  public static Outcome check(
      Envelope envelope, PublicKey key, Function<String, Optional<String>> subjects) {
    return check(envelope, key, subjects, uri -> false, uri -> Optional.empty());
  }

  /**
   * Checks the signature, every subject, and each resolved dependency whose uri {@code
   * dependencyFilter} accepts, looked up by uri in {@code dependencies}.
   */
  public static Outcome check(
      Envelope envelope,
      PublicKey key,
      Function<String, Optional<String>> subjects,
      Predicate<String> dependencyFilter,
      Function<String, Optional<String>> dependencies) {
    String keyId = SigningKey.keyId(key);
    if (!Dsse.verify(envelope, key)) return new BadSignature(keyId);
    if (!Dsse.IN_TOTO.equals(envelope.payloadType())) {
      return new NotAStatement(
          "payloadType is \"" + envelope.payloadType() + "\", not " + Dsse.IN_TOTO);
    }
    JsonNode statement;
    try {
      statement = envelope.payloadJson();
    } catch (MalformedEnvelopeException e) {
      return new NotAStatement(e.getMessage());
    }
    String type = statement.path("_type").asText("");
    if (!type.equals(Statement.TYPE)) {
      return new NotAStatement("_type: expected " + Statement.TYPE + ", found \"" + type + "\"");
    }
    JsonNode subjectList = statement.path("subject");
    if (!subjectList.isArray() || subjectList.isEmpty()) {
      return new NotAStatement("subject: expected a non-empty array");
    }
    for (int i = 0; i < subjectList.size(); i++) {
      JsonNode subject = subjectList.get(i);
      String name = subject.path("name").asText("");
      String attested = subject.path("digest").path("sha256").asText("");
      if (name.isEmpty() || attested.isEmpty()) {
        return new NotAStatement("subject[" + i + "]: expected a name and a digest.sha256");
      }
      Optional<String> found = subjects.apply(name);
      if (found.isEmpty()) return new MissingSubject(name);
      if (!attested.equalsIgnoreCase(found.get())) {
        return new SubjectMismatch(name, attested, found.get());
      }
    }
    JsonNode deps =
        statement.path("predicate").path("buildDefinition").path("resolvedDependencies");
    if (!deps.isMissingNode() && !deps.isArray()) {
      return new NotAStatement("resolvedDependencies: expected a list");
    }
    int checked = 0;
    for (int i = 0; i < deps.size(); i++) {
      JsonNode dep = deps.get(i);
      String uri = dep.path("uri").asText("");
      if (!dependencyFilter.test(uri)) continue;
      String attested = dep.path("digest").path("sha256").asText("");
      if (attested.isEmpty()) {
        return new NotAStatement("resolvedDependencies[" + i + "]: expected a digest.sha256");
      }
      Optional<String> found = dependencies.apply(uri);
      if (found.isEmpty()) return new MissingDependency(uri);
      if (!attested.equalsIgnoreCase(found.get())) {
        return new DependencyMismatch(uri, attested, found.get());
      }
      checked++;
    }
    return new Verified(keyId, subjectList.size(), checked);
  }
}
