package dev.weft.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One process drives a store: two servers on one store would both run every workflow. Whatever
 * spelling reaches the store shares the lock. SQLite: a lock file beside the database's real path
 * (symlinks, {@code ./} and relative paths resolved), which the OS releases when the process dies.
 * PostgreSQL: a session advisory lock for the database and schema, held on a connection of its own
 * for the lock's lifetime, which the server releases when that connection ends. The holder
 * describes itself so that a refused process can say who has the store.
 */
public final class StoreLock implements AutoCloseable {
  /** The advisory lock's high half: "weft"; the low half is the schema's hash. */
  private static final long PG_KEY_CLASS = 0x77656674L;

  /** The store is held by another process; the message names it when it can. */
  public static final class Held extends Exception {
    Held(String message) {
      super(message);
    }
  }

  private final AutoCloseable release;
  private final Connection session; // PostgreSQL's: the lock lives as long as it does
  private volatile boolean released;

  private StoreLock(AutoCloseable release) {
    this(release, null);
  }

  private StoreLock(AutoCloseable release, Connection session) {
    this.release = release;
    this.session = session;
  }

  /** How long a check of the session may take before it counts as gone (pgjdbc then closes it). */
  private static final int VALID_TIMEOUT_SECONDS = 60;

  /** How often a PostgreSQL lock's session is checked. */
  static final java.time.Duration WATCH_EVERY = java.time.Duration.ofSeconds(5);

  /**
   * Calls {@code lost} once if the lock is ever lost while held: a PostgreSQL session that ends
   * (the database restarted, the connection was cut) takes its advisory lock with it, and another
   * server may then take the store. A lock file lasts as long as this process.
   */
  public void watch(Runnable lost) {
    if (session == null) return;
    Thread.ofVirtual()
        .name("weft-store-lock-watch")
        .start(
            () -> {
              try {
                // A generous timeout: a slow database is not a lost session.
                while (session.isValid(VALID_TIMEOUT_SECONDS)) {
                  Thread.sleep(WATCH_EVERY);
                }
              } catch (InterruptedException e) {
                return;
              } catch (SQLException e) {
                // an invalid session: the lock is gone
              }
              if (!released) lost.run();
            });
  }

  /**
   * Takes the lock of the store at {@code urlOrPath} (as {@link Stores#open} reads it) for {@code
   * holder}, a description such as "weft server pid 12 on host".
   *
   * @throws Held if another process holds it
   * @throws IOException if the lock itself cannot be taken (no such directory, no database)
   */
  public static StoreLock acquire(String urlOrPath, String holder) throws Held, IOException {
    return Stores.isPostgres(urlOrPath)
        ? postgres(urlOrPath, holder)
        : sqlite(Stores.sqliteFile(urlOrPath), holder);
  }

  /** Where the lock of a SQLite store at {@code file} is: beside its real path. */
  public static Path lockFile(Path file) throws IOException {
    Path real = realPath(file);
    return real.resolveSibling(real.getFileName() + ".lock");
  }

  /** The file's one spelling: absolute, symlinks resolved (its directory's, if it is not there). */
  static Path realPath(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Files.createDirectories(absolute.getParent());
    return Files.exists(absolute)
        ? absolute.toRealPath()
        : absolute.getParent().toRealPath().resolve(absolute.getFileName());
  }

  private static StoreLock sqlite(Path file, String holder) throws Held, IOException {
    Path lockFile = lockFile(file);
    FileChannel channel =
        FileChannel.open(
            lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this very process holds it already
    }
    if (lock == null) {
      String other = readHolder(channel);
      channel.close();
      throw new Held(
          "the store "
              + realPath(file)
              + " is in use by "
              + (other.isBlank() ? "another process" : other)
              + " ("
              + lockFile
              + " is locked)");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
    FileLock held = lock;
    return new StoreLock(
        () -> {
          held.release();
          channel.close();
        });
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(512);
    channel.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
  }

  private static StoreLock postgres(String url, String holder) throws Held, IOException {
    Connection c = null;
    try {
      c = DriverManager.getConnection(url);
      String schema;
      try (PreparedStatement set =
              c.prepareStatement("SELECT set_config('application_name', ?, false)");
          PreparedStatement current = c.prepareStatement("SELECT current_schema()")) {
        set.setString(1, applicationName(holder));
        set.execute();
        try (ResultSet rs = current.executeQuery()) {
          rs.next();
          schema = rs.getString(1);
        }
      }
      long objid = Integer.toUnsignedLong((schema == null ? "" : schema).hashCode());
      boolean got;
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        lock.setLong(1, (PG_KEY_CLASS << 32) | objid);
        try (ResultSet rs = lock.executeQuery()) {
          rs.next();
          got = rs.getBoolean(1);
        }
      }
      if (!got) {
        String other = pgHolder(c, objid);
        c.close();
        throw new Held(
            "the store "
                + new PostgresDialect(url).describe()
                + " (schema "
                + schema
                + ") is in use by "
                + other);
      }
      Connection held = c;
      return new StoreLock(held::close, held);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IOException("cannot lock the store: " + e.getMessage(), e);
    }
  }

  /** PostgreSQL keeps 63 bytes of a session's name: cut at a ", " rather than mid-word. */
  static String applicationName(String holder) {
    if (holder.length() <= 63) return holder;
    int cut = holder.lastIndexOf(", ", 63);
    return holder.substring(0, cut > 0 ? cut : 63);
  }

  /** Who holds the advisory lock, from pg_locks and pg_stat_activity, as well as can be told. */
  private static String pgHolder(Connection c, long objid) throws SQLException {
    String sql =
        "SELECT a.application_name, a.client_addr, a.pid FROM pg_locks l"
            + " JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, PG_KEY_CLASS);
      q.setLong(2, objid);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) return "another process";
        String name = rs.getString(1);
        String addr = rs.getString(2);
        return (name == null || name.isBlank() ? "another process" : name)
            + " (database session "
            + rs.getInt(3)
            + (addr == null ? "" : " from " + addr)
            + ")";
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken
    }
  }

  @Override
  public void close() throws Exception {
    released = true;
    release.close();
  }
}
