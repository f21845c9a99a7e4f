package dev.weft.server.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code metadata} of an event, built as Argo builds it from its gRPC gateway's metadata: only
 * headers whose name starts with {@code x-}, names lowercased, each a list of its values (a header
 * sent twice has two), then {@code x-forwarded-host} and {@code x-forwarded-for} appended as the
 * gateway appends them. {@code Authorization} and cookies are never in it, as they are not {@code
 * x-} headers.
 *
 * <p>A header that carries a client's shared secret is recorded redacted (see {@link #SECRETS}).
 *
 * <p>Weft's own {@code x-weft-} names are not the sender's to set: any sent are dropped, and {@code
 * x-weft-client} names the webhook client whose signature was verified, so that a selector can
 * require one ({@code metadata["x-weft-client"] == ["github"]}).
 */
public final class EventMetadata {
  /** The header naming the verified webhook client. */
  public static final String CLIENT = "x-weft-client";

  /** What a shared secret sent as a header is recorded as. */
  public static final String REDACTED = "[redacted]";

  private static final String WEFT_PREFIX = "x-weft-";

  /**
   * Headers that carry a webhook client's secret itself (GitLab's token, Bitbucket's hook UUID),
   * not a proof of it: they are recorded, shown and given to selectors as {@link #REDACTED}, so
   * that whoever may read deliveries cannot sign as that client. Selectors can still test that one
   * was sent, and {@code x-weft-client} names the client it proved.
   */
  private static final Set<String> SECRETS = Set.of("x-gitlab-token", "x-hook-uuid");

  private EventMetadata() {}

  /**
   * @param headers every request header, in the order sent, one entry per header line
   * @param host the request's Host
   * @param remoteIp the peer's address
   * @param verifiedClient the webhook client that signed the request, or null
   */
  public static Map<String, List<String>> of(
      List<Map.Entry<String, String>> headers,
      String host,
      String remoteIp,
      String verifiedClient) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String forwardedHost = null;
    String forwardedFor = null;
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("x-forwarded-host") && forwardedHost == null) forwardedHost = h.getValue();
      if (name.equals("x-forwarded-for") && forwardedFor == null) forwardedFor = h.getValue();
      if (!name.startsWith("x-") || name.startsWith(WEFT_PREFIX)) continue;
      out.computeIfAbsent(name, k -> new ArrayList<>())
          .add(SECRETS.contains(name) ? REDACTED : h.getValue());
    }
    String hostValue = forwardedHost != null && !forwardedHost.isEmpty() ? forwardedHost : host;
    if (hostValue != null && !hostValue.isEmpty()) {
      out.computeIfAbsent("x-forwarded-host", k -> new ArrayList<>()).add(hostValue);
    }
    if (remoteIp != null && !remoteIp.isEmpty()) {
      String value =
          forwardedFor == null || forwardedFor.isEmpty()
              ? remoteIp
              : forwardedFor + ", " + remoteIp;
      out.computeIfAbsent("x-forwarded-for", k -> new ArrayList<>()).add(value);
    }
    if (verifiedClient != null) out.put(CLIENT, List.of(verifiedClient));
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }
}
