package dev.weft.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.weft.model.codec.Codec;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** {@code -o}: as argo prints, JSON or YAML of the objects, a wider table, or names only. */
public enum OutputFormat {
  JSON,
  YAML,
  WIDE,
  NAME;

  /** Reads {@code -o json|yaml|wide|name}; anything else is a usage error (exit 2). */
  public static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected one of json, yaml, wide, name; found \"" + value + "\"");
      }
    }
  }

  /** JSON or YAML of the objects themselves rather than a human layout. */
  public boolean isData() {
    return this == JSON || this == YAML;
  }

  /** Prints one object as JSON or YAML. */
  public void print(PrintStream out, JsonNode object) {
    try {
      if (this == JSON) {
        out.println(Codec.json().writerWithDefaultPrettyPrinter().writeValueAsString(object));
      } else {
        out.print(Codec.yaml().writeValueAsString(object));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints a list as argo's list commands do: a JSON array, or a YAML sequence. */
  public void printList(PrintStream out, List<JsonNode> objects) {
    ArrayNode array = Codec.json().createArrayNode();
    objects.forEach(array::add);
    print(out, array);
  }
}
