package dev.weft.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a command line picocli cannot parse is reported: a mistyped command gets the commands it
 * resembles ({@code weft rnu} → {@code Did you mean: run?}), anything else picocli's message and
 * the usage. Always exit 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cli = ex.getCommandLine();
    PrintWriter err = cli.getErr();
    String unknown = unknownCommand(ex);
    if (unknown != null) {
      String path = cli.getCommandSpec().qualifiedName();
      err.println(path + ": unknown command \"" + unknown + "\"");
      List<String> similar = similar(unknown, cli.getSubcommands().keySet());
      if (similar.isEmpty()) {
        err.println();
        cli.usage(err);
      } else {
        err.println("Did you mean: " + String.join(" or ", similar) + "?");
        err.println("See '" + path + " --help' for the list of commands.");
      }
    } else {
      err.println(ex.getMessage());
      if (!UnmatchedArgumentException.printSuggestions(ex, err)) cli.usage(err);
    }
    return Main.EXIT_BAD_INPUT;
  }

  /** The word given where a command of a group was expected, if that is what went wrong. */
  private static String unknownCommand(ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException u)) return null;
    if (ex.getCommandLine().getSubcommands().isEmpty()) return null;
    List<String> unmatched = u.getUnmatched();
    if (unmatched.isEmpty() || unmatched.get(0).startsWith("-")) return null;
    return unmatched.get(0);
  }

  /**
   * The commands within a small edit distance (a typo or two, a swapped pair of letters), closest
   * first; a name of a few letters allows one edit.
   */
  static List<String> similar(String word, Iterable<String> names) {
    int allowed = word.length() <= 3 ? 1 : 2;
    List<String> out = new java.util.ArrayList<>();
    for (String n : names) {
      if (distance(word, n) <= allowed || (word.length() >= 3 && n.startsWith(word))) out.add(n);
    }
    out.sort(Comparator.comparingInt((String n) -> distance(word, n)).thenComparing(n -> n));
    return out.size() > 3 ? out.subList(0, 3) : out;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
