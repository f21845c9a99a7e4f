package dev.weft.engine.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.engine.Library;
import dev.weft.model.ConfigMap;
import dev.weft.model.spec.Arguments;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Inputs;
import dev.weft.model.spec.KeyRef;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.ValueFrom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a call's arguments to a template's inputs as Argo's ProcessArgs does: argument values
 * override defaults, configMapKeyRef is read, enums are checked, required inputs must be given.
 */
public final class InputBinder {
  private final Library library;

  public InputBinder(Library library) {
    this.library = library;
  }

  /**
   * The bound inputs and the {@code inputs.*} variables they define; {@code absent} are the
   * optional input artifacts no argument supplied, as declared (without a location).
   */
  public record Bound(Inputs inputs, Map<String, String> variables, List<Artifact> absent) {}

  public Bound bind(Template template, Arguments args) {
    Arguments given = args == null ? Arguments.EMPTY : args;
    List<Parameter> params = new ArrayList<>();
    Map<String, String> vars = new LinkedHashMap<>();
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    for (Parameter p : template.inputsOrEmpty().parametersOrEmpty()) {
      Parameter bound = bindParameter(p, find(given.parametersOrEmpty(), p.name()));
      params.add(bound);
      vars.put("inputs.parameters." + p.name(), bound.value());
      json.addObject().put("name", p.name()).put("value", bound.value());
    }
    if (!params.isEmpty()) vars.put("inputs.parameters", json.toString());
    List<Artifact> artifacts = new ArrayList<>();
    List<Artifact> absent = new ArrayList<>();
    for (Artifact a : template.inputsOrEmpty().artifactsOrEmpty()) {
      Artifact bound = bindArtifact(a, findArtifact(given.artifactsOrEmpty(), a.name()));
      if (bound == null) {
        absent.add(a);
        continue;
      }
      artifacts.add(bound);
      if (a.path() != null) vars.put("inputs.artifacts." + a.name() + ".path", a.path());
    }
    for (Parameter p : template.outputsOrEmpty().parametersOrEmpty()) {
      if (p.valueFrom() != null && p.valueFrom().path() != null) {
        vars.put("outputs.parameters." + p.name() + ".path", p.valueFrom().path());
      }
    }
    for (Artifact a : template.outputsOrEmpty().artifactsOrEmpty()) {
      if (a.path() != null) vars.put("outputs.artifacts." + a.name() + ".path", a.path());
    }
    return new Bound(new Inputs(params, artifacts), vars, absent);
  }

  private Parameter bindParameter(Parameter p, Parameter arg) {
    String value = p.value() != null ? p.value() : p.defaultValue();
    ValueFrom from = p.valueFrom();
    if (arg != null) {
      if (arg.value() != null) {
        value = arg.value();
      } else if (arg.valueFrom() != null) {
        from = arg.valueFrom();
      }
    }
    if (value == null && from != null && from.configMapKeyRef() != null) {
      value = configMapValue(from.configMapKeyRef(), from.defaultValue());
    }
    if (value == null && from != null && from.supplied() != null) {
      value = p.defaultValue();
    }
    if (value == null) {
      throw new EngineError("inputs.parameters." + p.name() + " was not supplied");
    }
    if (p.enumValues() != null && !p.enumValues().isEmpty() && !p.enumValues().contains(value)) {
      throw new EngineError(
          "inputs.parameters."
              + p.name()
              + " value "
              + value
              + " is not valid. Value must be one of "
              + p.enumValues());
    }
    return new Parameter(
        p.name(), p.defaultValue(), value, null, p.globalName(), p.enumValues(), p.description());
  }

  public String configMapValue(KeyRef ref, String fallback) {
    ConfigMap cm = library.configMap(ref.name()).orElse(null);
    String value = cm == null ? null : cm.dataOrEmpty().get(ref.key());
    if (value != null) return value;
    if (fallback != null) return fallback;
    if (Boolean.TRUE.equals(ref.optional())) return "";
    if (cm == null) throw new EngineError("configmaps \"" + ref.name() + "\" not found");
    throw new EngineError(
        "ConfigMap '" + ref.name() + "' does not have the key '" + ref.key() + "'");
  }

  /** Whether an artifact says where its content is (an absent optional one does not). */
  public static boolean hasLocation(Artifact a) {
    return a.raw() != null || a.s3() != null || a.hasRemoteLocation();
  }

  private static Artifact bindArtifact(Artifact declared, Artifact arg) {
    Artifact source = arg != null ? arg : declared;
    if (!hasLocation(source)) {
      if (declared.isOptional()) return null;
      throw new EngineError("inputs.artifacts." + declared.name() + " was not supplied");
    }
    String subPath = arg != null && arg.subPath() != null ? arg.subPath() : declared.subPath();
    return declared.located(source, subPath);
  }

  private static Parameter find(List<Parameter> list, String name) {
    return list.stream().filter(p -> name.equals(p.name())).findFirst().orElse(null);
  }

  private static Artifact findArtifact(List<Artifact> list, String name) {
    return list.stream().filter(a -> name.equals(a.name())).findFirst().orElse(null);
  }
}
