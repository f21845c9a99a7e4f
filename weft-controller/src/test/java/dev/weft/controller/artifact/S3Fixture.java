package dev.weft.controller.artifact;

import dev.weft.controller.artifact.ArtifactRepositoryConfig.S3;
import dev.weft.controller.artifact.ArtifactRepositoryConfig.SecretRef;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/**
 * A real S3-compatible server for tests: S3Proxy, in this JVM, on a free loopback port, over
 * jclouds' in-memory ("transient") blob store, checking AWS signatures against one access key.
 *
 * <p>Why S3Proxy: it is Java from Maven Central and runs in-process, so the tests need no binary
 * installed and no container runtime (MinIO is packaged neither for Debian nor npm here), and it
 * still speaks real S3 over HTTP with signature checks, which a mock client would not.
 */
public final class S3Fixture implements AutoCloseable {
  public static final String ACCESS_KEY = "weft-test-access";
  public static final String SECRET_KEY = "weft-test-secret-0123456789";
  public static final String BUCKET = "artifacts";

  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private S3Fixture(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  public static S3Fixture start() throws Exception {
    BlobStoreContext context =
        // by metadata, not by id: an id makes jclouds load every provider on the classpath
        ContextBuilder.newBuilder(new TransientApiMetadata())
            .credentials("unused", "unused")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    for (int i = 0; i < 1000 && !"STARTED".equals(proxy.getState()); i++) Thread.sleep(10);
    S3Fixture f = new S3Fixture(context, proxy);
    f.createBucket(BUCKET);
    return f;
  }

  /** host:port, as Argo's endpoint field is written. */
  public String endpoint() {
    return "127.0.0.1:" + proxy.getPort();
  }

  BlobStore blobs() {
    return context.getBlobStore();
  }

  void createBucket(String name) {
    blobs().createContainerInLocation(null, name);
  }

  /** The repository configuration for this server, credentials in Secret "s3-creds". */
  S3 repository() {
    return new S3(
        BUCKET,
        endpoint(),
        null,
        true,
        null,
        null,
        null,
        new SecretRef("s3-creds", "accesskey", null),
        new SecretRef("s3-creds", "secretkey", null),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The same as an artifact's own {@code s3:} would write it. */
  public com.fasterxml.jackson.databind.node.ObjectNode repositoryNode() {
    var n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    n.put("bucket", BUCKET).put("endpoint", endpoint()).put("insecure", true);
    n.putObject("accessKeySecret").put("name", "s3-creds").put("key", "accesskey");
    n.putObject("secretKeySecret").put("name", "s3-creds").put("key", "secretkey");
    return n;
  }

  /** Secret "s3-creds" in the given namespaces, holding the given pair. */
  static SecretLookup secrets(String access, String secret, String... namespaces) {
    Map<String, String> values = Map.of("accesskey", access, "secretkey", secret);
    return (ns, name, key) ->
        name.equals("s3-creds") && java.util.Arrays.asList(namespaces).contains(ns)
            ? Optional.ofNullable(values.get(key))
            : Optional.empty();
  }

  static SecretLookup rightSecrets() {
    return secrets(ACCESS_KEY, SECRET_KEY, "default", "team-a", "team-b");
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
