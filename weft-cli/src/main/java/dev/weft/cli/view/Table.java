package dev.weft.cli.view;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns padded to their widest cell, as Go's tabwriter lays out argo's tables; the last column is
 * not padded, so lines carry no trailing blanks.
 */
public final class Table {
  private final int gap;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(int gap, List<String> header) {
    this.gap = gap;
    rows.add(List.copyOf(header));
  }

  public Table(int gap, String... header) {
    this(gap, List.of(header));
  }

  /** Adds a row; a null cell is an empty one. */
  public Table row(List<String> cells) {
    rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
    return this;
  }

  public Table row(String... cells) {
    return row(Arrays.asList(cells));
  }

  /** Rows below the header. */
  public int size() {
    return rows.size() - 1;
  }

  public List<String> lines() {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[columns];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size() - 1; i++) width[i] = Math.max(width[i], r.get(i).length());
    }
    List<String> out = new ArrayList<>();
    for (List<String> r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        b.append(r.get(i));
        if (i < r.size() - 1) b.append(" ".repeat(width[i] - r.get(i).length() + gap));
      }
      out.add(b.toString().stripTrailing());
    }
    return out;
  }

  public void print(PrintStream out) {
    lines().forEach(out::println);
  }
}
