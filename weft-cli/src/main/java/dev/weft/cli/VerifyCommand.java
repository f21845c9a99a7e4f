package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.Connection;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.verify.ArtifactDirectory;
import dev.weft.cli.verify.ServerArtifacts;
import dev.weft.cli.verify.TemplateDigests;
import dev.weft.cli.verify.VerificationKey;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigstoreBundle;
import dev.weft.provenance.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "verify",
    description = {
      "Check a workflow's signed provenance: the signature, then that every artifact it names has"
          + " the attested sha256.",
      "Exit 0 when everything holds; 1 with the first thing that does not; 2 for bad input."
    },
    mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {
  @Mixin Connection connection;

  @Parameters(
      paramLabel = "NAME|FILE",
      description =
          "A workflow on the server, or an envelope file (the attestation, bare or as a Sigstore"
              + " bundle). An existing file, or anything with a / or ending .json, is a file.")
  String target;

  @Option(
      names = "--key",
      paramLabel = "PUB",
      description =
          "Weft's public key (SPKI PEM). Default: the server's for NAME, else"
              + " $WEFT_HOME/signing/ed25519.pub.")
  Path key;

  @Option(
      names = "--artifacts",
      paramLabel = "DIR",
      description =
          "Check each subject against DIR/<subject name> (no symbolic links followed). Default for"
              + " NAME: download each artifact from the server.")
  Path artifacts;

  @Option(
      names = "--templates",
      description =
          "Also check that each WorkflowTemplate and ClusterWorkflowTemplate the run used is"
              + " unchanged on the server.")
  boolean templates;

  private final PrintStream out;
  private final PrintStream err;

  VerifyCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    boolean file = isFile(target);
    boolean needsServer = !file || templates;
    try (ApiClient api = needsServer ? connection.open() : null) {
      Envelope envelope = file ? readFile(Path.of(target)) : fetch(api);
      PublicKey publicKey =
          key != null
              ? VerificationKey.given(key)
              : file ? VerificationKey.local() : VerificationKey.fromServer(api);
      Function<String, Optional<String>> subjects = subjects(file, api, envelope);
      TemplateDigests deps = templates ? new TemplateDigests(api) : null;
      Verification.Outcome outcome =
          Verification.check(
              envelope,
              publicKey,
              subjects,
              uri -> templates && TemplateDigests.isTemplate(uri),
              uri -> deps.sha256(uri));
      if (outcome.holds()) {
        out.println(outcome.describe());
        return 0;
      }
      err.println("weft verify: " + outcome.describe());
      return Main.EXIT_WORKFLOW_FAILED;
    }
  }

  /** A file when there is one by that name, or when it could not be a workflow's name. */
  static boolean isFile(String target) {
    return Files.exists(Path.of(target)) || target.contains("/") || target.endsWith(".json");
  }

  private Function<String, Optional<String>> subjects(
      boolean file, ApiClient api, Envelope envelope) {
    if (artifacts != null) return new ArtifactDirectory(artifacts)::sha256;
    if (file) {
      throw ClientException.badInput(
          "--artifacts DIR is needed to check the subjects of an envelope file (or verify the"
              + " workflow by NAME)");
    }
    JsonNode wf = api.get(ResourceKind.WORKFLOW.item(connection.namespace(), target));
    try {
      return new ServerArtifacts(api, wf, envelope.payloadJson())::sha256;
    } catch (MalformedEnvelopeException e) {
      throw ClientException.badInput(
          "the attestation of " + target + " is not a statement: " + e.getMessage());
    }
  }

  private static Envelope readFile(Path path) {
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw ClientException.badInput(path + ": not a regular file"); // a FIFO would block for ever
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(Envelope.MAX_BYTES + 1);
      if (bytes.length > Envelope.MAX_BYTES) {
        throw ClientException.badInput(
            path
                + ": not a DSSE envelope: larger than "
                + Envelope.MAX_BYTES
                + " bytes, more than any envelope Weft writes");
      }
    } catch (NoSuchFileException e) {
      throw ClientException.badInput(path + ": no such file");
    } catch (IOException e) {
      throw ClientException.badInput("cannot read " + path + ": " + e.getMessage());
    }
    try {
      return SigstoreBundle.envelopeOf(bytes);
    } catch (MalformedEnvelopeException e) {
      throw ClientException.badInput(path + ": not a DSSE envelope: " + e.getMessage());
    }
  }

  private Envelope fetch(ApiClient api) {
    String path = ResourceKind.WORKFLOW.item(connection.namespace(), target) + "/attestation";
    try {
      return SigstoreBundle.envelopeOf(api.bytes(path));
    } catch (MalformedEnvelopeException e) {
      throw ClientException.badInput(
          "the server's attestation of " + target + " is not a DSSE envelope: " + e.getMessage());
    }
  }
}
