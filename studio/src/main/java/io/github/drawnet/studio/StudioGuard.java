package io.github.drawnet.studio;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the studio checks on every request before it answers, so that other web pages the person
 * visits cannot use it: the {@code Host} header (against DNS rebinding), the {@code Origin} and
 * content type of state-changing requests (against cross-site requests), a hard cap on every
 * request body whether chunked or not, and the security headers on every response.
 *
 * <p>Thread-safe (immutable after construction).
 */
final class StudioGuard {

    /** The request header a page sends its session's token in. */
    static final String TOKEN_HEADER = "X-Drawnet-Token";
    /** The request header a page sends the studio's access key in (when it serves beyond loopback). */
    static final String KEY_HEADER = "X-Drawnet-Key";
    /** The context attribute holding a request body read under the cap. */
    static final String BODY = "drawnet.body";

    /** Host names that always reach this machine. */
    static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "[::1]");

    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> names;
    private final long maxBody;
    private int port;

    /**
     * Makes the guard for a studio reached by the loopback names and {@code allowedHosts}.
     *
     * @param allowedHosts further host names (without port) the studio may be reached by
     * @param maxBody the largest request body, in bytes
     */
    StudioGuard(List<String> allowedHosts, long maxBody) {
        Set<String> n = new LinkedHashSet<>(LOOPBACK);
        for (String h : allowedHosts) {
            n.add(h.strip().toLowerCase(Locale.ROOT));
        }
        this.names = Set.copyOf(n);
        this.maxBody = maxBody;
    }

    /** Sets the port the server listens on, once it is known. */
    synchronized void port(int actual) {
        this.port = actual;
    }

    private synchronized int port() {
        return port;
    }

    /** Returns the host names accepted, loopback ones first. */
    List<String> names() {
        List<String> all = new java.util.ArrayList<>(LOOPBACK);
        names.stream().filter(x -> !LOOPBACK.contains(x)).sorted().forEach(all::add);
        return all;
    }

    /** Adds the security headers every response carries. */
    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /**
     * Checks a request before any handler sees it.
     *
     * @throws StudioException 421 for a foreign {@code Host}, 403 for a foreign {@code Origin}, 415 for a
     *     state-changing request that is not JSON, 413 for a body over the cap
     */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (!hostAllowed(host)) {
            throw new StudioException(421, "this studio answers only to " + String.join(", ", names()) + " on port "
                    + port() + ", not to host '" + shorten(host) + "'");
        }
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            throw new StudioException(403, "requests from other web pages are refused (origin '" + shorten(origin)
                    + "')");
        }
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new StudioException(415, "the studio accepts only application/json requests, got "
                    + (type == null ? "no content type" : "'" + shorten(type) + "'"));
        }
        ctx.attribute(BODY, readCapped(ctx));
    }

    /** Returns whether a request's {@code Host} header names this studio: an accepted name and its port. */
    boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String name = h;
        int p = 80;
        if (colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            try {
                p = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return p == port() && names.contains(name);
    }

    /** Reads the body, at most {@code maxBody} bytes whatever the request says about its length. */
    private byte[] readCapped(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBody) {
            throw tooLarge(ctx);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = ctx.req().getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBody) {
                    throw tooLarge(ctx);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new StudioException(400, "the request body could not be read");
        }
        return out.toByteArray();
    }

    private StudioException tooLarge(Context ctx) {
        // answer now and close the connection: the rest of the body is never read (Jetty would otherwise
        // drain a chunked body to its end, however long)
        String message = "request too large: at most " + maxBody / 1024 / 1024 + " MiB";
        try {
            byte[] body = ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
            headers(ctx);
            ctx.res().setStatus(413);
            ctx.res().setHeader("Connection", "close");
            ctx.res().setContentType("application/json");
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
            ctx.res().flushBuffer();
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to answer
        }
        org.eclipse.jetty.server.Request base = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
        if (base != null) {
            base.getHttpChannel().getEndPoint().close();
        }
        return new StudioException(413, message);
    }

    /** Returns the body read by {@link #check}, as text. */
    static String body(Context ctx) {
        byte[] b = ctx.attribute(BODY);
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    /** Returns a new random token: 128 bits, URL-safe. */
    static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares two tokens in time independent of where they differ. */
    static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a header's value fit for a message: control characters as '?', at most 80 characters and "...". */
    static String shorten(String s) {
        return shorten(s, 80);
    }

    /** Returns {@code s} (null: empty) with control characters as '?', cut to {@code max} characters and "...". */
    static String shorten(String s, int max) {
        String t = s == null ? "" : s.replaceAll("[\\p{Cntrl}]", "?");
        return t.length() > max ? t.substring(0, max) + "..." : t;
    }
}
