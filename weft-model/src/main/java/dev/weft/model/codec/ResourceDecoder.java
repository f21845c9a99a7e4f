package dev.weft.model.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.ConfigMap;
import dev.weft.model.CronWorkflow;
import dev.weft.model.PersistentVolumeClaim;
import dev.weft.model.Resource;
import dev.weft.model.Secret;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes multi-document YAML (or JSON) into resources. It never throws on bad input: every problem
 * becomes a {@link Diagnostic} with file, line, column and field.
 */
public final class ResourceDecoder {
  private static final Map<String, Class<? extends Resource>> ARGO_KINDS =
      Map.of(
          "Workflow", Workflow.class,
          "WorkflowTemplate", WorkflowTemplate.class,
          "ClusterWorkflowTemplate", ClusterWorkflowTemplate.class,
          "CronWorkflow", CronWorkflow.class,
          "WorkflowEventBinding", WorkflowEventBinding.class);
  private static final Map<String, Class<? extends Resource>> CORE_KINDS =
      Map.of(
          "ConfigMap", ConfigMap.class,
          "Secret", Secret.class,
          "PersistentVolumeClaim", PersistentVolumeClaim.class);

  private ResourceDecoder() {}

  /** Reads the file with {@link InputFile} (regular, bounded, UTF-8) and decodes it. */
  public static Decoded decodeFile(Path path) {
    return decode(InputFile.read(path), path.toString());
  }

  /** Decodes what {@link InputFile#read} gave; a refused file is its one error. */
  public static Decoded decode(InputFile.Read read, String file) {
    return switch (read) {
      case InputFile.Text t -> decode(t.text(), file);
      case InputFile.Refused r -> new Decoded(List.of(), List.of(r.why()));
    };
  }

  public static Decoded decode(String text, String file) {
    List<Located<Resource>> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    try (JsonParser parser = Codec.yaml().getFactory().createParser(text)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      int document = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        LocationIndex index = new LocationIndex(file);
        SourceLocation start = at(file, parser);
        JsonNode tree = new LocatedTreeReader(parser, index).read("");
        document++;
        if (token == JsonToken.VALUE_NULL) continue;
        if (!tree.isObject()) {
          diagnostics.add(
              Diagnostic.error(start, "", "document " + document + " is not a mapping"));
          continue;
        }
        decodeDocument(tree, index, resources, diagnostics);
      }
    } catch (JsonProcessingException e) {
      SourceLocation where =
          e.getLocation() == null
              ? SourceLocation.unknown(file)
              : new SourceLocation(
                  file, e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      diagnostics.add(Diagnostic.error(where, "", "invalid YAML: " + problem(e)));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(SourceLocation.unknown(file), "", e.getMessage()));
    }
    if (resources.isEmpty() && diagnostics.isEmpty()) {
      diagnostics.add(Diagnostic.error(SourceLocation.unknown(file), "", "the file is empty"));
    }
    return new Decoded(resources, diagnostics);
  }

  private static void decodeDocument(
      JsonNode tree,
      LocationIndex index,
      List<Located<Resource>> resources,
      List<Diagnostic> diagnostics) {
    String kind = tree.path("kind").asText("");
    String apiVersion = tree.path("apiVersion").asText("");
    Class<? extends Resource> type = ARGO_KINDS.get(kind);
    if (type != null && !Resource.isWorkflowGroup(apiVersion)) {
      diagnostics.add(
          Diagnostic.error(
              index.locate("/apiVersion"),
              "apiVersion",
              "expected argoproj.io/v1alpha1 or weft.dev/v1alpha1 for "
                  + kind
                  + ", found \""
                  + apiVersion
                  + "\""));
      return;
    }
    if (type == null) {
      type = CORE_KINDS.get(kind);
      if (type != null && !"v1".equals(apiVersion)) {
        diagnostics.add(
            Diagnostic.error(
                index.locate("/apiVersion"),
                "apiVersion",
                "expected v1 for " + kind + ", found \"" + apiVersion + "\""));
        return;
      }
    }
    if (type == null) {
      diagnostics.add(
          Diagnostic.error(
              index.locate("/kind"),
              "kind",
              (kind.isEmpty() ? "missing kind" : "unknown kind \"" + kind + "\"")
                  + "; expected one of Workflow, WorkflowTemplate, ClusterWorkflowTemplate,"
                  + " CronWorkflow, WorkflowEventBinding, ConfigMap, Secret,"
                  + " PersistentVolumeClaim"));
      return;
    }
    diagnostics.addAll(SchemaWalker.unknownFields(tree, type, index));
    ObjectReader reader =
        Codec.json().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      Resource resource = reader.readValue(tree);
      if (resource.metadata() == null) {
        diagnostics.add(Diagnostic.error(index.locate(""), "metadata", "missing metadata"));
        return;
      }
      resources.add(new Located<>(resource, index));
    } catch (JsonMappingException e) {
      diagnostics.add(TypeMismatch.describe(e, tree, index));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(index.locate(""), "", e.getMessage()));
    }
  }

  private static SourceLocation at(String file, JsonParser parser) {
    var loc = parser.currentTokenLocation();
    return new SourceLocation(file, loc.getLineNr(), loc.getColumnNr());
  }

  private static String problem(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) return e.getClass().getSimpleName();
    // SnakeYAML's message: context, an excerpt with a caret, the problem; keep the sentences.
    return m.lines()
        .filter(l -> !l.startsWith("    "))
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.startsWith("^"))
        .reduce((a, b) -> a + ": " + b)
        .orElse(m.strip());
  }
}
