package dev.weft.controller.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Argo's {@code artifactRepository}, as the workflow-controller-configmap holds it. Only {@code s3}
 * is a repository Weft can use; without one, artifacts stay in the local directory.
 *
 * <p>Unknown fields are errors rather than ignored: a misspelt {@code acessKeySecret} silently
 * dropped would turn into a confusing credentials failure at the first artifact.
 */
public record ArtifactRepositoryConfig(
    Boolean archiveLogs,
    S3 s3,
    JsonNode gcs,
    JsonNode azure,
    JsonNode oss,
    JsonNode artifactory,
    JsonNode hdfs,
    JsonNode http,
    JsonNode git) {

  /** A key of a Secret in the workflow's namespace (Kubernetes' SecretKeySelector). */
  public record SecretRef(String name, String key, Boolean optional) {
    @Override
    public String toString() {
      return "secret \"" + name + "\" key \"" + key + "\"";
    }
  }

  /**
   * Argo's S3 bucket fields, shared by the repository ({@code keyFormat}) and an artifact's own
   * {@code s3:} ({@code key}). {@code forcePathStyle} is Weft's: by default, as Argo's client does,
   * path-style addressing is used unless the endpoint is AWS's.
   */
  public record S3(
      String bucket,
      String endpoint,
      String region,
      Boolean insecure,
      String keyFormat,
      String keyPrefix,
      String key,
      SecretRef accessKeySecret,
      SecretRef secretKeySecret,
      SecretRef sessionTokenSecret,
      String roleARN,
      Boolean useSDKCreds,
      JsonNode createBucketIfNotPresent,
      JsonNode encryptionOptions,
      JsonNode caSecret,
      Boolean forcePathStyle) {

    public boolean isInsecure() {
      return Boolean.TRUE.equals(insecure);
    }

    public boolean sdkCreds() {
      return Boolean.TRUE.equals(useSDKCreds);
    }

    public String regionOrDefault() {
      return region == null || region.isBlank() ? "us-east-1" : region;
    }

    public String keyFormatOrDefault() {
      return keyFormat == null ? KeyFormat.DEFAULT : keyFormat;
    }

    public boolean pathStyle() {
      if (forcePathStyle != null) return forcePathStyle;
      return endpoint != null && !endpoint.endsWith("amazonaws.com");
    }
  }

  private static final ObjectMapper MAPPER =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final Pattern ENDPOINT =
      Pattern.compile("([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record ConfigMapData(ArtifactRepositoryConfig artifactRepository) {}

  /**
   * Reads YAML or JSON: either the {@code artifactRepository} value itself or a document holding it
   * under that key (the configmap's data). {@code source} names the text in errors.
   */
  public static ArtifactRepositoryConfig parse(String text, String source)
      throws ArtifactConfigException {
    try {
      JsonNode tree = MAPPER.readTree(text);
      if (tree == null || tree.isNull() || tree.isMissingNode()) {
        throw new ArtifactConfigException(source + ": artifactRepository: is empty");
      }
      ArtifactRepositoryConfig c;
      String prefix;
      if (tree.isObject() && tree.has("artifactRepository")) {
        // parsed again from the text, not the tree, so errors keep their line and column
        c = MAPPER.readValue(text, ConfigMapData.class).artifactRepository();
        prefix = "";
      } else {
        c = MAPPER.readValue(text, ArtifactRepositoryConfig.class);
        prefix = "artifactRepository.";
      }
      if (c == null) throw new ArtifactConfigException(source + ": artifactRepository: is empty");
      c.validate(source + ": artifactRepository");
      return c;
    } catch (JacksonException e) {
      throw new ArtifactConfigException(located(source, text, e, "artifactRepository."));
    }
  }

  /** Checks the repository; {@code at} prefixes each error ("file: artifactRepository"). */
  public void validate(String at) throws ArtifactConfigException {
    for (var other :
        new Object[][] {
          {"gcs", gcs},
          {"azure", azure},
          {"oss", oss},
          {"artifactory", artifactory},
          {"hdfs", hdfs},
          {"http", http},
          {"git", git}
        }) {
      if (other[1] != null) {
        throw new ArtifactConfigException(
            at
                + "."
                + other[0]
                + ": not supported; Weft's repositories are s3 (any"
                + " S3-compatible store) or, without artifactRepository, a local directory");
      }
    }
    if (s3 == null) {
      throw new ArtifactConfigException(at + ".s3: required (the only repository kind Weft uses)");
    }
    String s = at + ".s3";
    if (s3.key() != null) {
      throw new ArtifactConfigException(s + ".key: a repository takes keyFormat, not key");
    }
    checkLocation(s3, s);
    if (s3.bucket() == null || s3.bucket().isBlank()) {
      throw new ArtifactConfigException(s + ".bucket: required, the bucket's name");
    }
    if (s3.keyFormat() != null) {
      String bad = KeyFormat.problem(s3.keyFormat());
      if (bad != null) throw new ArtifactConfigException(s + ".keyFormat: " + bad);
    }
    if (!s3.sdkCreds() && s3.accessKeySecret() == null) {
      throw new ArtifactConfigException(
          s
              + ": expected accessKeySecret and secretKeySecret ({name, key} of a Secret in the"
              + " workflow's namespace), or useSDKCreds: true");
    }
  }

  /**
   * An artifact's own {@code s3:} read as a location of its own. Its credentials come from the
   * workflow's namespace; {@code useSDKCreds} is refused, since it would lend the controller's
   * ambient credentials to any bucket a workflow names.
   */
  public static S3 artifactLocation(JsonNode s3, String what) throws ArtifactConfigException {
    S3 loc;
    try {
      loc = MAPPER.treeToValue(s3, S3.class);
    } catch (JacksonException e) {
      throw new ArtifactConfigException(located(what, null, e, "s3."));
    }
    String s = what + ": s3";
    checkLocation(loc, s);
    if (loc.bucket() == null || loc.bucket().isBlank()) {
      throw new ArtifactConfigException(
          s
              + ".bucket: required when s3 names an endpoint or"
              + " credentials (with only s3.key, the default repository is used)");
    }
    if (loc.keyFormat() != null) {
      throw new ArtifactConfigException(s + ".keyFormat: an artifact takes key, not keyFormat");
    }
    if (loc.sdkCreds()) {
      throw new ArtifactConfigException(
          s
              + ".useSDKCreds: not allowed on an artifact; give"
              + " accessKeySecret and secretKeySecret from the workflow's namespace");
    }
    if (loc.accessKeySecret() == null) {
      throw new ArtifactConfigException(
          s
              + ": expected accessKeySecret and secretKeySecret"
              + " ({name, key} of a Secret in the workflow's namespace)");
    }
    return loc;
  }

  private static void checkLocation(S3 s3, String s) throws ArtifactConfigException {
    for (var unsupported :
        new Object[][] {
          {"keyPrefix", s3.keyPrefix()}, {"sessionTokenSecret", s3.sessionTokenSecret()},
          {"roleARN", s3.roleARN()}, {"createBucketIfNotPresent", s3.createBucketIfNotPresent()},
          {"encryptionOptions", s3.encryptionOptions()}, {"caSecret", s3.caSecret()}
        }) {
      if (unsupported[1] != null) {
        throw new ArtifactConfigException(s + "." + unsupported[0] + ": not supported by Weft yet");
      }
    }
    if (s3.endpoint() != null && !ENDPOINT.matcher(s3.endpoint()).matches()) {
      throw new ArtifactConfigException(
          s
              + ".endpoint: expected host[:port] without a scheme or path (insecure: true for"
              + " http), got \""
              + s3.endpoint()
              + "\"");
    }
    checkRef(s3.accessKeySecret(), s + ".accessKeySecret");
    checkRef(s3.secretKeySecret(), s + ".secretKeySecret");
    if ((s3.accessKeySecret() == null) != (s3.secretKeySecret() == null)) {
      throw new ArtifactConfigException(
          s + ": accessKeySecret and secretKeySecret go together; one is missing");
    }
  }

  private static void checkRef(SecretRef ref, String at) throws ArtifactConfigException {
    if (ref == null) return;
    if (ref.name() == null || ref.name().isBlank()) {
      throw new ArtifactConfigException(at + ".name: required, the Secret's name");
    }
    if (ref.key() == null || ref.key().isBlank()) {
      throw new ArtifactConfigException(at + ".key: required, the key within the Secret");
    }
  }

  /** "source:line:column: field.path: what was expected". */
  private static String located(String source, String text, JacksonException e, String prefix) {
    StringBuilder out = new StringBuilder(source);
    JsonLocation loc = e.getLocation();
    // without the text (an artifact's s3, read from a tree) Jackson's location means nothing
    int line = loc == null || text == null ? -1 : loc.getLineNr();
    int column = loc == null ? -1 : loc.getColumnNr();
    if (e instanceof UnrecognizedPropertyException u && text != null) {
      // Jackson's YAML parser has read past an unknown field by the time it is reported: point
      // at the field's own line, the first place that name is written as a key
      Matcher m =
          Pattern.compile("(^|[\\s{,])(" + Pattern.quote(u.getPropertyName()) + ")\\s*:")
              .matcher(text);
      if (m.find()) {
        String before = text.substring(0, m.start(2));
        line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        column = m.start(2) - before.lastIndexOf('\n');
      }
    }
    if (line > 0) out.append(':').append(line).append(':').append(column);
    out.append(": ");
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String path =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      out.append(path.startsWith("artifactRepository") ? "" : prefix).append(path).append(": ");
    }
    out.append(explain(e));
    return out.toString();
  }

  private static String explain(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field; known: "
          + u.getKnownPropertyIds().stream()
              .map(Objects::toString)
              .sorted()
              .collect(Collectors.joining(", "));
    }
    if (e instanceof InvalidFormatException f) {
      return "expected " + typeName(f.getTargetType()) + ", got \"" + f.getValue() + "\"";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + typeName(m.getTargetType());
    }
    return e.getOriginalMessage();
  }

  private static String typeName(Class<?> t) {
    if (t == Boolean.class || t == boolean.class) return "true or false";
    if (t == String.class) return "a string";
    if (t.isRecord()) return "a mapping";
    return t.getSimpleName();
  }
}
