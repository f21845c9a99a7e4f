package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.codec.Codec;
import dev.weft.model.spec.WorkflowSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectRefsTest {
  private static WorkflowSpec spec(String yaml) throws Exception {
    return Codec.convert(Codec.yaml().readTree(yaml), WorkflowSpec.class);
  }

  @Test
  void secretsAreFoundInEnvVolumesPullSecretsAndArtifactCredentials() throws Exception {
    var refs =
        new ObjectRefs(
            List.of(
                spec(
                    """
                    entrypoint: main
                    imagePullSecrets: [{name: pull}]
                    volumes:
                    - {name: v, secret: {secretName: mounted}}
                    templates:
                    - name: main
                      inputs:
                        artifacts:
                        - name: a
                          path: /a
                          s3: {bucket: b, endpoint: s3.example.com, key: k,
                               accessKeySecret: {name: s3-creds, key: id},
                               secretKeySecret: {name: s3-creds, key: secret}}
                      container:
                        image: alpine
                        env: [{name: T, valueFrom: {secretKeyRef: {name: env-token, key: v}}}]
                        envFrom: [{secretRef: {name: all-of-it}}]
                    """)));

    assertThat(refs.secretNames())
        .containsExactly("all-of-it", "env-token", "mounted", "pull", "s3-creds");
  }

  @Test
  void aNameThatIsStillAnExpressionNamesNothing() throws Exception {
    var refs =
        new ObjectRefs(
            List.of(
                spec(
                    """
                    entrypoint: main
                    templates:
                    - name: main
                      container:
                        image: alpine
                        env: [{name: T, valueFrom: {secretKeyRef: {name: "{{inputs.parameters.s}}", key: v}}}]
                    """)));

    assertThat(refs.secretNames()).isEmpty();
  }
}
