package dev.weft.kube.provenance;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where `weft server --kube` finds the public key it hands out at /api/v1/signing-key: the Secret
 * the controller signs with (by default its {@value SecretSigningKey#DEFAULT_NAME} in the server's
 * namespace), or a PEM the operator gave (for a controller started with --signing-key FILE).
 */
public sealed interface PublicKeySource {
  PublicKeySource DEFAULT = new InSecret(null, SecretSigningKey.DEFAULT_NAME);

  /** The PEM, empty until a controller has made the key. */
  Optional<String> publicPem(KubernetesClient client, String serverNamespace);

  /** A Secret, in {@code namespace} (null: the server's). */
  record InSecret(String namespace, String name) implements PublicKeySource {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
        Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    public InSecret {
      if (namespace != null && !DNS_LABEL.matcher(namespace).matches()) {
        throw new IllegalArgumentException("\"" + namespace + "\" is not a namespace name");
      }
      if (name == null || !DNS_SUBDOMAIN.matcher(name).matches()) {
        throw new IllegalArgumentException("\"" + name + "\" is not a Secret name");
      }
    }

    /** {@code [NAMESPACE/]NAME}. */
    public static InSecret parse(String ref) {
      int slash = ref.indexOf('/');
      return slash < 0
          ? new InSecret(null, ref)
          : new InSecret(ref.substring(0, slash), ref.substring(slash + 1));
    }

    @Override
    public Optional<String> publicPem(KubernetesClient client, String serverNamespace) {
      String ns = namespace != null ? namespace : serverNamespace;
      return SecretSigningKey.publicPem(client, ns, name);
    }
  }

  /** A public key the operator gave, checked before the server starts. */
  record Pem(String pem) implements PublicKeySource {
    @Override
    public Optional<String> publicPem(KubernetesClient client, String serverNamespace) {
      return Optional.of(pem);
    }
  }
}
