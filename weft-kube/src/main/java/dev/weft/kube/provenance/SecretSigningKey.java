package dev.weft.kube.provenance;

import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigningKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The cluster's signing key, in a Secret of the controller's namespace: {@value
 * SigningKey#KEY_FILE} (PKCS#8 PEM) and {@value SigningKey#PUBLIC_FILE} (SPKI PEM, for whoever
 * verifies). The first controller to start creates it; controllers racing to create it all end with
 * the one the API server accepted first: a create that finds one there reads that one instead.
 */
public final class SecretSigningKey {
  /** The Secret's default name. */
  public static final String DEFAULT_NAME = "weft-signing-key";

  private SecretSigningKey() {}

  /**
   * The key in Secret {@code namespace/name}, created when absent.
   *
   * @throws IllegalStateException when the Secret holds no readable Ed25519 key
   */
  public static SigningKey loadOrCreate(KubernetesClient client, String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) secret = create(client, namespace, name);
    return parse(secret, namespace + "/" + name);
  }

  /**
   * The public half the Secret holds ({@value SigningKey#PUBLIC_FILE}), for the API server to hand
   * out; empty until a controller has made the key.
   */
  public static java.util.Optional<String> publicPem(
      KubernetesClient client, String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null || secret.getData() == null) return java.util.Optional.empty();
    String encoded = secret.getData().get(SigningKey.PUBLIC_FILE);
    if (encoded == null) return java.util.Optional.empty();
    return java.util.Optional.of(
        new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.US_ASCII));
  }

  private static Secret create(KubernetesClient client, String namespace, String name) {
    SigningKey fresh = SigningKey.generate();
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels("app.kubernetes.io/part-of", "weft")
            .endMetadata()
            .withType("Opaque")
            .withData(
                Map.of(
                    SigningKey.KEY_FILE, base64(fresh.privatePem()),
                    SigningKey.PUBLIC_FILE, base64(fresh.publicPem())))
            .build();
    try {
      return client.secrets().inNamespace(namespace).resource(secret).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) throw e;
      // another controller created it first: theirs is the key
      Secret theirs = client.secrets().inNamespace(namespace).withName(name).get();
      if (theirs == null) throw e;
      return theirs;
    }
  }

  private static SigningKey parse(Secret secret, String where) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    String encoded = data.get(SigningKey.KEY_FILE);
    if (encoded == null) {
      throw new IllegalStateException(
          "Secret " + where + " has no key " + SigningKey.KEY_FILE + " (a PKCS#8 PEM Ed25519 key)");
    }
    try {
      String pem = new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.US_ASCII);
      return SigningKey.parsePrivate(pem, "Secret " + where + " key " + SigningKey.KEY_FILE);
    } catch (MalformedEnvelopeException | IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
