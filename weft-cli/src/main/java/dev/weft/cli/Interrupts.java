package dev.weft.cli;

/** Where `weft run` learns of Ctrl-C; the real one listens for SIGINT, tests press it by hand. */
interface Interrupts {
  void onInterrupt(Runnable action);

  void clear();

  /** No interrupts: for commands run inside another program, such as the tests. */
  static Interrupts none() {
    return new Interrupts() {
      @Override
      public void onInterrupt(Runnable action) {}

      @Override
      public void clear() {}
    };
  }

  /** SIGINT through the JDK's signal API: the JVM keeps running, so exit handlers can finish. */
  @SuppressWarnings("sunapi")
  static Interrupts sigint() {
    return new Interrupts() {
      private volatile Runnable action;

      {
        sun.misc.Signal.handle(
            new sun.misc.Signal("INT"),
            s -> {
              Runnable a = action;
              if (a != null) a.run();
              else Runtime.getRuntime().halt(130);
            });
      }

      @Override
      public void onInterrupt(Runnable a) {
        action = a;
      }

      @Override
      public void clear() {
        action = null;
      }
    };
  }
}
