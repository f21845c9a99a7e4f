package dev.weft.model.cron;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** robfig/cron v3's standard parser, reporting the column of each problem. */
public final class CronParser {
  private static final long STAR = 1L << 63;
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
  private static final List<Bounds> FIELDS =
      List.of(
          new Bounds("minute", 0, 59, List.of(), 0),
          new Bounds("hour", 0, 23, List.of(), 0),
          new Bounds("day of month", 1, 31, List.of(), 0),
          new Bounds("month", 1, 12, MONTHS, 1),
          new Bounds("day of week", 0, 6, DAYS, 0));

  /** A field's range of values and its names, the first name standing for {@code base}. */
  private record Bounds(String name, int min, int max, List<String> names, int base) {}

  /** A piece of the schedule text and the 0-based index where it starts. */
  private record Token(String text, int at) {}

  private CronParser() {}

  static CronSchedule parse(String spec) {
    if (spec.isEmpty()) {
      throw new CronSyntaxException("empty spec string", 1);
    }
    Optional<ZoneId> zone = Optional.empty();
    int from = 0;
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      int space = spec.indexOf(' ');
      if (space < 0) {
        throw new CronSyntaxException("a time zone prefix must be followed by a schedule", 1);
      }
      int eq = spec.indexOf('=');
      zone = zone(spec.substring(eq + 1, space), eq + 2);
      from = space;
    }
    List<Token> fields = split(spec, from, ' ', true);
    if (!fields.isEmpty() && fields.get(0).text().startsWith("@")) {
      Token first = fields.get(0);
      return descriptor(spec.substring(first.at()).strip(), zone, first.at() + 1);
    }
    if (fields.size() != 5) {
      int column = fields.size() > 5 ? fields.get(5).at() + 1 : spec.length() + 1;
      throw new CronSyntaxException(
          "expected exactly 5 fields (minute hour day-of-month month day-of-week), found "
              + fields.size(),
          column);
    }
    long[] bits = new long[5];
    for (int i = 0; i < 5; i++) {
      bits[i] = field(fields.get(i), FIELDS.get(i));
    }
    return new FieldSchedule(
        bits[0] & ~STAR,
        bits[1] & ~STAR,
        bits[2] & ~STAR,
        bits[3] & ~STAR,
        bits[4] & ~STAR,
        (bits[2] & STAR) != 0,
        (bits[4] & STAR) != 0,
        zone);
  }

  /** A zone name as Go's time.LoadLocation takes it: "" is UTC, "Local" the machine's zone. */
  public static Optional<ZoneId> zone(String name, int column) {
    if (name.equals("Local")) {
      return Optional.empty();
    }
    if (name.isEmpty() || name.equals("UTC")) {
      return Optional.of(ZoneOffset.UTC);
    }
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException e) {
      throw new CronSyntaxException(
          "provided bad location " + name + ": unknown time zone " + name, column);
    }
  }

  private static CronSchedule descriptor(String text, Optional<ZoneId> zone, int column) {
    long everyDow = bits(0, 6, 1) | STAR;
    long everyDom = bits(1, 31, 1) | STAR;
    long everyMonth = bits(1, 12, 1) | STAR;
    return switch (text) {
      case "@yearly", "@annually" ->
          new FieldSchedule(1, 1, 1 << 1, 1 << 1, everyDow, false, true, zone);
      case "@monthly" ->
          new FieldSchedule(1, 1, 1 << 1, everyMonth & ~STAR, everyDow, false, true, zone);
      case "@weekly" ->
          new FieldSchedule(1, 1, everyDom & ~STAR, everyMonth & ~STAR, 1, true, false, zone);
      case "@daily", "@midnight" -> daily(1, everyDom, everyMonth, everyDow, zone);
      case "@hourly" -> daily(bits(0, 23, 1), everyDom, everyMonth, everyDow, zone);
      default -> {
        if (!text.startsWith("@every ")) {
          throw new CronSyntaxException(
              "unknown descriptor \""
                  + text
                  + "\" (expected one of @yearly, @annually, @monthly,"
                  + " @weekly, @daily, @midnight, @hourly, @every <duration>)",
              column);
        }
        String duration = text.substring("@every ".length());
        try {
          yield new EverySchedule(GoDuration.parse(duration), zone);
        } catch (IllegalArgumentException e) {
          throw new CronSyntaxException(
              "failed to parse duration " + text + ": " + e.getMessage(), column + 7);
        }
      }
    };
  }

  private static FieldSchedule daily(
      long hours, long dom, long month, long dow, Optional<ZoneId> zone) {
    return new FieldSchedule(1, hours, dom & ~STAR, month & ~STAR, dow & ~STAR, true, true, zone);
  }

  /** A comma-separated list of ranges (empty items are ignored, as robfig does). */
  private static long field(Token field, Bounds b) {
    long bits = 0;
    for (Token item : split(field.text(), 0, ',', false)) {
      bits |= range(item.text(), field.at() + item.at() + 1, b);
    }
    return bits;
  }

  /** {@code *}, {@code ?}, {@code n} or {@code n-m}, each optionally followed by {@code /step}. */
  private static long range(String expr, int column, Bounds b) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    int start;
    int end;
    long extra = 0;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = b.min();
      end = b.max();
      extra = STAR;
    } else {
      start = value(lowAndHigh[0], b, column);
      end =
          switch (lowAndHigh.length) {
            case 1 -> start;
            case 2 -> value(lowAndHigh[1], b, column);
            default -> throw error(b, "too many hyphens: " + expr, column);
          };
    }
    int step = 1;
    if (rangeAndStep.length == 2) {
      step = number(rangeAndStep[1], b, column);
      if (lowAndHigh.length == 1) {
        end = b.max();
      }
      if (step > 1) {
        extra = 0;
      }
    } else if (rangeAndStep.length > 2) {
      throw error(b, "too many slashes: " + expr, column);
    }
    if (start < b.min()) {
      throw error(
          b, "beginning of range (" + start + ") below minimum (" + b.min() + "): " + expr, column);
    }
    if (end > b.max()) {
      throw error(b, "end of range (" + end + ") above maximum (" + b.max() + "): " + expr, column);
    }
    if (start > end) {
      throw error(
          b,
          "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr,
          column);
    }
    if (step == 0) {
      throw error(b, "step of range should be a positive number: " + expr, column);
    }
    return bits(start, end, step) | extra;
  }

  private static int value(String text, Bounds b, int column) {
    int named = b.names().indexOf(text.toLowerCase(Locale.ROOT));
    return named >= 0 ? named + b.base() : number(text, b, column);
  }

  /** strconv.Atoi, then robfig's "no negative numbers". */
  private static int number(String text, Bounds b, int column) {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw error(b, "failed to parse int from " + text + ": invalid syntax", column);
    }
    if (digits.length() > 9) {
      throw error(b, "failed to parse int from " + text + ": value out of range", column);
    }
    return Integer.parseInt(digits);
  }

  private static long bits(int min, int max, int step) {
    long bits = 0;
    for (int i = min; i <= max; i += step) {
      bits |= 1L << i;
    }
    return bits;
  }

  private static CronSyntaxException error(Bounds b, String reason, int column) {
    return new CronSyntaxException(b.name() + ": " + reason, column);
  }

  /**
   * The non-empty pieces of {@code text} from {@code from}, split at {@code sep} (or whitespace).
   */
  private static List<Token> split(String text, int from, char sep, boolean whitespace) {
    List<Token> out = new ArrayList<>();
    int i = from;
    while (i < text.length()) {
      while (i < text.length() && isSep(text.charAt(i), sep, whitespace)) {
        i++;
      }
      int start = i;
      while (i < text.length() && !isSep(text.charAt(i), sep, whitespace)) {
        i++;
      }
      if (i > start) {
        out.add(new Token(text.substring(start, i), start));
      }
    }
    return out;
  }

  private static boolean isSep(char c, char sep, boolean whitespace) {
    return whitespace ? Character.isWhitespace(c) : c == sep;
  }
}
