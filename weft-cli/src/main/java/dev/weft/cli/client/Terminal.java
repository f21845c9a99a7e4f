package dev.weft.cli.client;

import java.io.Console;
import java.io.PrintStream;

/** Whether output goes to a person at a terminal, where redrawing in place makes sense. */
public final class Terminal {
  private Terminal() {}

  public static boolean interactive(PrintStream out) {
    if (out != System.out || System.getenv("CI") != null) return false;
    Console console = System.console();
    if (console == null) return false;
    // from JDK 22 a console exists even when redirected; isTerminal (22+) tells them apart
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
