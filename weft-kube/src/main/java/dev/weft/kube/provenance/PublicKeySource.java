package dev.weft.kube.provenance;

import dev.weft.model.Names;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

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
    public InSecret {
      if (namespace != null && Names.dns1123Label(namespace).isPresent()) {
        throw new IllegalArgumentException("\"" + namespace + "\" is not a namespace name");
      }
      if (Names.dns1123Subdomain(name).isPresent()) {
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
