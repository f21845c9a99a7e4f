package dev.weft.expr;

import java.util.EnumSet;
import java.util.Set;

/** govaluate's token kinds and which kinds may follow each (govaluate lexerState.go). */
enum GvKind {
  UNKNOWN,
  PREFIX,
  NUMERIC,
  BOOLEAN,
  STRING,
  PATTERN,
  TIME,
  VARIABLE,
  FUNCTION,
  SEPARATOR,
  ACCESSOR,
  COMPARATOR,
  LOGICALOP,
  MODIFIER,
  CLAUSE,
  CLAUSE_CLOSE,
  TERNARY;

  /** Whether an expression may end after a token of this kind. */
  boolean isEof() {
    return switch (this) {
      case CLAUSE_CLOSE, NUMERIC, BOOLEAN, STRING, TIME, PATTERN, VARIABLE, ACCESSOR -> true;
      default -> false;
    };
  }

  /** Whether a token of this kind may hold no value. */
  boolean isNullable() {
    return this == UNKNOWN || this == CLAUSE || this == CLAUSE_CLOSE;
  }

  boolean canTransitionTo(GvKind next) {
    return validNext().contains(next);
  }

  private Set<GvKind> validNext() {
    return switch (this) {
      case UNKNOWN ->
          EnumSet.of(
              PREFIX, NUMERIC, BOOLEAN, VARIABLE, PATTERN, FUNCTION, ACCESSOR, STRING, TIME,
              CLAUSE);
      case CLAUSE ->
          EnumSet.of(
              PREFIX,
              NUMERIC,
              BOOLEAN,
              VARIABLE,
              PATTERN,
              FUNCTION,
              ACCESSOR,
              STRING,
              TIME,
              CLAUSE,
              CLAUSE_CLOSE);
      case CLAUSE_CLOSE ->
          EnumSet.of(
              COMPARATOR,
              MODIFIER,
              NUMERIC,
              BOOLEAN,
              VARIABLE,
              STRING,
              PATTERN,
              TIME,
              CLAUSE,
              CLAUSE_CLOSE,
              LOGICALOP,
              TERNARY,
              SEPARATOR);
      case NUMERIC, BOOLEAN, STRING, VARIABLE ->
          EnumSet.of(MODIFIER, COMPARATOR, LOGICALOP, CLAUSE_CLOSE, TERNARY, SEPARATOR);
      case TIME, PATTERN -> EnumSet.of(MODIFIER, COMPARATOR, LOGICALOP, CLAUSE_CLOSE, SEPARATOR);
      case MODIFIER ->
          EnumSet.of(
              PREFIX, NUMERIC, VARIABLE, FUNCTION, ACCESSOR, STRING, BOOLEAN, CLAUSE, CLAUSE_CLOSE);
      case COMPARATOR ->
          EnumSet.of(
              PREFIX,
              NUMERIC,
              BOOLEAN,
              VARIABLE,
              FUNCTION,
              ACCESSOR,
              STRING,
              TIME,
              CLAUSE,
              CLAUSE_CLOSE,
              PATTERN);
      case LOGICALOP ->
          EnumSet.of(
              PREFIX,
              NUMERIC,
              BOOLEAN,
              VARIABLE,
              FUNCTION,
              ACCESSOR,
              STRING,
              TIME,
              CLAUSE,
              CLAUSE_CLOSE);
      case PREFIX ->
          EnumSet.of(NUMERIC, BOOLEAN, VARIABLE, FUNCTION, ACCESSOR, CLAUSE, CLAUSE_CLOSE);
      case TERNARY ->
          EnumSet.of(
              PREFIX, NUMERIC, BOOLEAN, STRING, TIME, VARIABLE, FUNCTION, ACCESSOR, CLAUSE,
              SEPARATOR);
      case FUNCTION -> EnumSet.of(CLAUSE);
      case ACCESSOR ->
          EnumSet.of(CLAUSE, MODIFIER, COMPARATOR, LOGICALOP, CLAUSE_CLOSE, TERNARY, SEPARATOR);
      case SEPARATOR ->
          EnumSet.of(PREFIX, NUMERIC, BOOLEAN, STRING, TIME, VARIABLE, FUNCTION, ACCESSOR, CLAUSE);
    };
  }
}
