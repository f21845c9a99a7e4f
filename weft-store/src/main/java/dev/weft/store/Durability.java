package dev.weft.store;

/**
 * How much a committed write survives. {@link #FULL} (the default): a write is on disk before the
 * commit returns, so it survives a power cut. {@link #NORMAL}: a committed write survives a crash
 * of the process but may be lost to a power cut or a kernel crash, the durability an embedded
 * engine such as Flowable on an H2 file gives; in exchange commits do not wait for an fsync. SQLite
 * only (its {@code synchronous} pragma); a PostgreSQL store keeps the server's setting.
 */
public enum Durability {
  FULL,
  NORMAL
}
