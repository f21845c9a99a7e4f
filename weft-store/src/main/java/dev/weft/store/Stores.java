package dev.weft.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens durable stores by location. */
public final class Stores {
  private Stores() {}

  /**
   * Opens (creating if missing) the store at {@code urlOrPath}: a {@code jdbc:postgresql:} URL is
   * PostgreSQL; a file path, optionally prefixed with {@code sqlite:} or {@code jdbc:sqlite:}, is a
   * SQLite file (its directory is created).
   *
   * @throws StorageFailure if the database cannot be opened
   * @throws IllegalArgumentException for any other JDBC URL
   */
  public static JdbcStore open(String urlOrPath) {
    return open(urlOrPath, JdbcOptions.defaults());
  }

  public static JdbcStore open(String urlOrPath, JdbcOptions options) {
    return new JdbcStore(dialect(urlOrPath, options.durability()), options);
  }

  static Dialect dialect(String urlOrPath) {
    return dialect(urlOrPath, Durability.FULL);
  }

  static Dialect dialect(String urlOrPath, Durability durability) {
    if (isPostgres(urlOrPath)) return new PostgresDialect(urlOrPath);
    Path file = sqliteFile(urlOrPath);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
    return new SqliteDialect(file, durability);
  }

  static boolean isPostgres(String urlOrPath) {
    return urlOrPath.startsWith("jdbc:postgresql:");
  }

  /** The absolute path of a SQLite store's file (as given: symlinks are not resolved). */
  static Path sqliteFile(String urlOrPath) {
    String path = urlOrPath;
    for (String prefix : new String[] {"jdbc:sqlite:", "sqlite:"}) {
      if (path.startsWith(prefix)) {
        path = path.substring(prefix.length());
        break;
      }
    }
    if (path.startsWith("jdbc:") || path.isEmpty()) {
      throw new IllegalArgumentException(
          "a store is a file path, sqlite:PATH or jdbc:postgresql://...; not \""
              + urlOrPath
              + "\"");
    }
    return Path.of(path).toAbsolutePath();
  }
}
