package io.github.scptoolkit.image.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket on loopback, for requests java.net.http refuses to send (NUL, CR/LF
 * or non-ASCII bytes in headers or the request line, duplicated auth headers, unknown methods).
 * Every request is sent with {@code Connection: close} and read to the end of the stream.
 */
final class RawHttp {

    /** A parsed response; header names are case-insensitive. */
    record Response(int status, Map<String, List<String>> headers, String body, boolean http09) {
        String first(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A request under construction: method, raw target, headers in order (values as raw bytes, Latin-1). */
    static final class Request {
        String method;
        String target;
        final List<String[]> headers = new ArrayList<>();
        /** Sent instead of the built request line when set. */
        String rawRequestLine;
        /** The Host header's value; null sends {@code 127.0.0.1:<port>}. */
        String host;

        Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        void remove(String name) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        }

        void set(String name, String value) {
            remove(name);
            header(name, value);
        }

        byte[] bytes(int port) {
            StringBuilder out = new StringBuilder();
            out.append(rawRequestLine != null ? rawRequestLine : method + " " + target + " HTTP/1.1").append("\r\n");
            out.append("Host: ").append(host != null ? host : "127.0.0.1:" + port).append("\r\n");
            for (String[] h : headers) {
                out.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            out.append("Connection: close\r\n\r\n");
            return out.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            String line = rawRequestLine != null ? rawRequestLine : method + " " + target;
            StringBuilder s = new StringBuilder(abbreviate(line));
            for (String[] h : headers) {
                s.append(" | ").append(h[0]).append(": ").append(abbreviate(h[1]));
            }
            return s.toString();
        }
    }

    private RawHttp() {
    }

    /** The UTF-8 bytes of {@code s} as Latin-1 chars, to put real non-ASCII bytes on the wire. */
    static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static Response send(int port, Request request) {
        return send(port, request.bytes(port));
    }

    static Response send(int port, byte[] bytes) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer and close before reading a huge request: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // Connection reset after the response was sent: keep what arrived.
        }
        return all.toByteArray();
    }

    static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/")) {
            // Tomcat answers a request line without an HTTP version (e.g. cut short by a raw CR LF)
            // as HTTP/0.9 does: the body alone, no status line or headers. The status is the problem's.
            String body = new String(raw, StandardCharsets.UTF_8);
            int status = ReferenceServer.json(body).path("status").asInt();
            return new Response(status, new TreeMap<>(String.CASE_INSENSITIVE_ORDER), body, true);
        }
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete response: " + abbreviate(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> te = headers.get("Transfer-Encoding");
        if (te != null && te.contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8), false);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, i);
            int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }

    static String abbreviate(String s) {
        String printable = s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
        return printable.length() <= 120 ? printable : printable.substring(0, 100) + "...(" + s.length() + " chars)";
    }
}
