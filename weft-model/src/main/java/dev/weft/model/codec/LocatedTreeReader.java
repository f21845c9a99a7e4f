package dev.weft.model.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reads one document into a tree, recording where each field and list item was written. */
final class LocatedTreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final JsonParser parser;
  private final LocationIndex index;

  LocatedTreeReader(JsonParser parser, LocationIndex index) {
    this.parser = parser;
    this.index = index;
  }

  /** Reads the value at the parser's current token. */
  JsonNode read(String pointer) throws IOException {
    JsonToken token = parser.currentToken();
    mark(pointer, parser.currentTokenLocation());
    return switch (token) {
      case START_OBJECT -> readObject(pointer);
      case START_ARRAY -> readArray(pointer);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IOException("unexpected " + token);
    };
  }

  private ObjectNode readObject(String pointer) throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String child = LocationIndex.child(pointer, name);
      mark(child, parser.currentTokenLocation());
      parser.nextToken();
      object.set(name, read(child));
    }
    return object;
  }

  private ArrayNode readArray(String pointer) throws IOException {
    ArrayNode array = NODES.arrayNode();
    int i = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(read(LocationIndex.child(pointer, i++)));
    }
    return array;
  }

  private void mark(String pointer, JsonLocation at) {
    index.put(pointer, at.getLineNr(), at.getColumnNr());
  }
}
