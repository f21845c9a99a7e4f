package dev.weft.controller.artifact;

import dev.weft.controller.artifact.ArtifactRepositoryConfig.S3;
import dev.weft.controller.artifact.ArtifactRepositoryConfig.SecretRef;
import dev.weft.executor.SafePaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Artifacts in an S3-compatible bucket, through the AWS SDK's blocking client on {@code java.net}
 * (no Netty or Apache HTTP stack to carry).
 *
 * <p>In the default repository's bucket every key is stored under {@code <namespace>/}, as the
 * local store keeps a directory per namespace: a key a workflow gives can only name objects of its
 * own namespace. An artifact's own bucket (with its own credentials) is used as the user wrote it.
 *
 * <p>Credentials are read from the workflow's namespace on each request, as Argo's executor reads
 * the repository's Secrets in the workflow's namespace; a rotated Secret takes effect at once. A
 * directory ({@code archive: none}) is stored as one object per file under {@code <key>/}, as Argo
 * does.
 */
public final class S3ArtifactStore implements ArtifactStore {
  private final S3 config;
  private final SecretLookup secrets;
  private final boolean namespacePrefix;
  private final String configAt;
  private final S3Client client;

  S3ArtifactStore(S3 config, SecretLookup secrets, boolean namespacePrefix, String configAt) {
    this.config = config;
    this.secrets = secrets;
    this.namespacePrefix = namespacePrefix;
    this.configAt = configAt;
    var b =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofMinutes(2)))
            .region(Region.of(config.regionOrDefault()))
            .forcePathStyle(config.pathStyle())
            // the SDK's default (CRC trailers on every upload) is refused by many S3-compatible
            // servers; checksums only where S3 requires them work with all of them
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(
                config.sdkCreds()
                    ? DefaultCredentialsProvider.builder().build()
                    : AnonymousCredentialsProvider.create());
    if (config.endpoint() != null) {
      b.endpointOverride(
          URI.create((config.isInsecure() ? "http://" : "https://") + config.endpoint()));
    }
    this.client = b.build();
  }

  @Override
  public void put(String namespace, String key, Path content) throws IOException {
    String object = object(namespace, key);
    BasicFileAttributes a =
        Files.readAttributes(content, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isRegularFile()) {
      call(
          namespace,
          key,
          "put",
          c ->
              client.putObject(
                  r -> r.bucket(config.bucket()).key(object).overrideConfiguration(c),
                  RequestBody.fromFile(content)));
      return;
    }
    if (!a.isDirectory()) throw new IOException(key + ": only files and directories are stored");
    delete(namespace, key);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(content)) {
      files = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }
    List<String> skipped = new java.util.ArrayList<>();
    for (Path f : files) {
      String rel = content.relativize(f).toString();
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        // S3 has no links, and storing a link's target would follow a link Weft never follows:
        // the link is left out, and said so (tar.gz keeps links)
        skipped.add(rel);
        continue;
      }
      String child = object + "/" + ArtifactKeys.check(rel);
      call(
          namespace,
          key,
          "put",
          c ->
              client.putObject(
                  r -> r.bucket(config.bucket()).key(child).overrideConfiguration(c),
                  RequestBody.fromFile(f)));
    }
    if (!skipped.isEmpty()) {
      System.err.println(
          "weft: "
              + key
              + ": an unarchived (archive: none) artifact in S3 holds no links or special files;"
              + " left out: "
              + String.join(", ", skipped.size() > 20 ? skipped.subList(0, 20) : skipped)
              + (skipped.size() > 20 ? " and " + (skipped.size() - 20) + " more" : "")
              + " (archive it as tar.gz to keep them)");
    }
  }

  @Override
  public void get(String namespace, String key, Path dest) throws IOException {
    String object = object(namespace, key);
    Files.createDirectories(dest.toAbsolutePath().getParent());
    if (fetched(namespace, key, object, dest)) return;
    List<String> children = list(namespace, key, object + "/");
    if (children.isEmpty()) {
      throw new ArtifactNotFoundException("key " + key + " does not exist in " + describe());
    }
    Files.createDirectory(dest);
    for (String child : children) {
      String rel = child.substring(object.length() + 1);
      if (rel.endsWith("/")) continue; // a "directory marker" some tools write
      // objects under the key may have been written by anyone with access to the bucket
      Path target = SafePaths.under(dest, ArtifactKeys.check(rel), "object " + child);
      Files.createDirectories(target.getParent());
      if (!fetched(namespace, key, child, target)) {
        throw new ArtifactNotFoundException(child + " vanished while " + key + " was read");
      }
    }
  }

  private boolean fetched(String namespace, String key, String object, Path dest)
      throws IOException {
    try {
      call(
          namespace,
          key,
          "get",
          c ->
              client.getObject(
                  r -> r.bucket(config.bucket()).key(object).overrideConfiguration(c),
                  ResponseTransformer.toFile(dest)));
      return true;
    } catch (ArtifactNotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean exists(String namespace, String key) throws IOException {
    String object = object(namespace, key);
    try {
      call(
          namespace,
          key,
          "head",
          c ->
              client.headObject(
                  r -> r.bucket(config.bucket()).key(object).overrideConfiguration(c)));
      return true;
    } catch (ArtifactNotFoundException e) {
      return !list(namespace, key, object + "/").isEmpty();
    }
  }

  @Override
  public void delete(String namespace, String key) throws IOException {
    String object = object(namespace, key);
    call(
        namespace,
        key,
        "delete",
        c ->
            client.deleteObject(
                r -> r.bucket(config.bucket()).key(object).overrideConfiguration(c)));
    // one DeleteObject each, not DeleteObjects: the batch call needs a checksum header that
    // several S3-compatible servers (S3Proxy, older MinIO and Ceph) refuse, and directory
    // artifacts are few files
    for (String child : list(namespace, key, object + "/")) {
      call(
          namespace,
          key,
          "delete",
          c ->
              client.deleteObject(
                  r -> r.bucket(config.bucket()).key(child).overrideConfiguration(c)));
    }
  }

  @Override
  public InputStream open(String namespace, String key) throws IOException {
    String object = object(namespace, key);
    return call(
        namespace,
        key,
        "get",
        c -> client.getObject(r -> r.bucket(config.bucket()).key(object).overrideConfiguration(c)));
  }

  @Override
  public String defaultKey(KeyContext context, String artifact, boolean raw) throws IOException {
    String prefix = KeyFormat.render(config.keyFormatOrDefault(), context);
    String name = SafePaths.fileName(artifact, "artifact name");
    return ArtifactKeys.fromUser(prefix + "/" + name + (raw ? "" : ".tgz"));
  }

  @Override
  public String describe() {
    String at =
        config.endpoint() == null
            ? "AWS S3 (" + config.regionOrDefault() + ")"
            : (config.isInsecure() ? "http://" : "https://") + config.endpoint();
    return "bucket \"" + config.bucket() + "\" at " + at;
  }

  @Override
  public void close() {
    client.close();
  }

  private String object(String namespace, String key) throws IOException {
    ArtifactKeys.check(key);
    return namespacePrefix ? ArtifactKeys.namespace(namespace) + "/" + key : key;
  }

  private List<String> list(String namespace, String key, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    String token = null;
    do {
      String from = token;
      var page =
          call(
              namespace,
              key,
              "list",
              c ->
                  client.listObjectsV2(
                      r ->
                          r.bucket(config.bucket())
                              .prefix(prefix)
                              .continuationToken(from)
                              .overrideConfiguration(c)));
      page.contents().stream().map(S3Object::key).forEach(out::add);
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return out;
  }

  private interface Call<T> {
    T run(AwsRequestOverrideConfiguration credentials);
  }

  /** One request with the namespace's credentials; SDK failures become messages without secrets. */
  private <T> T call(String namespace, String key, String op, Call<T> request) throws IOException {
    Credentials creds = credentials(namespace);
    try {
      return request.run(creds.override());
    } catch (S3Exception e) {
      int status = e.statusCode();
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if (status == 404 && !"NoSuchBucket".equals(code)) {
        throw new ArtifactNotFoundException("key " + key + " does not exist in " + describe());
      }
      if ("NoSuchBucket".equals(code)) {
        throw new IOException(describe() + " does not exist (" + configAt + ".bucket)");
      }
      if (status == 403 || status == 401) {
        throw new IOException(
            "access to "
                + describe()
                + " was refused ("
                + code
                + ") for "
                + op
                + " of "
                + key
                + ": check "
                + creds.source());
      }
      throw new IOException(
          describe()
              + ": "
              + op
              + " of "
              + key
              + " failed: "
              + code
              + " (HTTP "
              + status
              + ")"
              + creds.scrub(": " + e.awsErrorDetails().errorMessage()));
    } catch (SdkClientException e) {
      throw new IOException(
          "cannot reach "
              + describe()
              + " ("
              + configAt
              + ".endpoint) for "
              + op
              + " of "
              + key
              + ": "
              + creds.scrub(rootMessage(e)));
    } catch (SdkException e) {
      throw new IOException(
          describe() + ": " + op + " of " + key + " failed: " + creds.scrub(rootMessage(e)));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
  }

  private Credentials credentials(String namespace) throws IOException {
    if (config.sdkCreds()) return new Credentials(null, null, "the SDK's default credentials");
    SecretRef ak = config.accessKeySecret();
    SecretRef sk = config.secretKeySecret();
    String access = secret(namespace, ak, ".accessKeySecret");
    String secret = secret(namespace, sk, ".secretKeySecret");
    return new Credentials(
        access,
        secret,
        ak + " and " + sk + " in namespace \"" + namespace + "\" (" + configAt + ")");
  }

  private String secret(String namespace, SecretRef ref, String field) throws IOException {
    return secrets
        .value(namespace, ref.name(), ref.key())
        .orElseThrow(
            () ->
                new ArtifactConfigException(
                    configAt
                        + field
                        + ": "
                        + ref
                        + " not found in namespace \""
                        + namespace
                        + "\""));
  }

  /** Credentials of one request; its toString and messages never show the values. */
  private record Credentials(String access, String secret, String source) {
    AwsRequestOverrideConfiguration override() {
      var b = AwsRequestOverrideConfiguration.builder();
      if (access != null) {
        b.credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret)));
      }
      return b.build();
    }

    String scrub(String message) {
      String out = message;
      for (String v : new String[] {secret, access}) {
        if (v != null && !v.isEmpty()) out = out.replace(v, "***");
      }
      return out;
    }

    @Override
    public String toString() {
      return "credentials from " + source;
    }
  }
}
