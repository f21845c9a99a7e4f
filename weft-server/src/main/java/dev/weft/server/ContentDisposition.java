package dev.weft.server;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): a plain ASCII {@code filename} for old
 * clients and the exact name as {@code filename*}. Quotes, backslashes and control characters never
 * reach the header, so a file name cannot end the header or add another.
 */
final class ContentDisposition {
  private ContentDisposition() {}

  static String attachment(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "download" : fileName;
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    for (int cp : name.codePoints().toArray()) {
      boolean plain = cp > 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%';
      ascii.append(plain ? (char) cp : '_');
    }
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean attrChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) encoded.append((char) c);
      else encoded.append('%').append(String.format("%02X", c));
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
