package dev.weft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.EventAnswer;
import dev.weft.cli.client.OutputFormat;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Posts an event as a webhook or Argo's own `curl` would, with the bearer token; the body is sent
 * byte for byte as read. Prints the delivery the server recorded and the workflows it started.
 */
@Command(name = "send", mixinStandardHelpOptions = true)
final class EventSendCommand extends ClientCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "DISCRIMINATOR",
      description =
          "The path's last segment, which selectors see as `discriminator` (default: none).")
  String discriminator = "";

  @ArgGroup(exclusive = true, multiplicity = "1")
  Body body;

  static final class Body {
    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "The JSON body, from a file (- for standard input).")
    Path file;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON",
        description = "The JSON body, given here.")
    String data;
  }

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'Name: value'",
      description = "A request header (repeatable); selectors see X- headers as `metadata`.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description = "Send an Idempotency-Key: the server starts a binding's workflow once per key.")
  String idempotencyKey;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml or name (the delivery's).")
  OutputFormat output;

  private final InputStream stdin;

  EventSendCommand(PrintStream out, PrintStream err) {
    this(out, err, System.in);
  }

  EventSendCommand(PrintStream out, PrintStream err, InputStream stdin) {
    super(out, err);
    this.stdin = stdin;
  }

  @Override
  int run(ApiClient api) {
    byte[] bytes = body.file != null ? read(body.file) : body.data.getBytes(StandardCharsets.UTF_8);
    checkJson(bytes, body.file != null ? body.file.toString() : "-d");
    List<Map.Entry<String, String>> sent = new ArrayList<>();
    for (String h : headers) sent.add(header(h));
    if (idempotencyKey != null) sent.add(new SimpleEntry<>("Idempotency-Key", idempotencyKey));
    String path = ApiClient.path("/api/v1/events", namespace(), discriminator);
    EventAnswer answer =
        EventAnswer.of(api.postBytes(path, bytes, sent), api, "the server's answer to " + path);
    EventOutput.print(out, answer, output);
    return 0;
  }

  private byte[] read(Path file) {
    try {
      return file.toString().equals("-") ? stdin.readAllBytes() : Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw ClientException.badInput(file + ": no such file");
    } catch (IOException e) {
      throw ClientException.badInput(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** Any JSON value will do, as for Argo; anything else is refused here rather than sent. */
  private static void checkJson(byte[] bytes, String source) {
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw ClientException.badInput(
          source + ": the event body is empty; send a JSON value, such as -d '{}'");
    }
    try {
      Codec.json().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw ClientException.badInput(source + ": the event body is not JSON: " + why);
    }
  }

  /** {@code Name: value}, as curl's -H takes it. */
  private static Map.Entry<String, String> header(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? "" : text.substring(0, colon).strip();
    if (name.isEmpty() || !name.chars().allMatch(EventSendCommand::tokenChar)) {
      throw ClientException.badInput(
          "-H \""
              + text
              + "\": expected a header as 'Name: value', such as 'X-GitHub-Event: push'");
    }
    return new SimpleEntry<>(name, text.substring(colon + 1).strip());
  }

  /** RFC 9110's token characters, which a header name is made of. */
  private static boolean tokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
