package dev.sofia.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection that sends pre-encoded requests and reads each response in
 * full, as {@code wrk} does: no pooling, no header objects, no executor hand-offs, so the time
 * measured is the server's and the socket's, not a client library's. Reads bodies by {@code
 * Content-Length} or chunked encoding; reconnects when the server says {@code Connection: close}
 * (Tomcat does after 100 requests on a connection by default) or dropped an idle connection.
 */
final class LiveKitHttpWire implements AutoCloseable {

    /** A request already encoded for the wire, and the path it is for (for messages). */
    record Request(String path, byte[] bytes) {

        static Request post(
                InetSocketAddress server, String path, String contentType, Map<String, String> headers, String body) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder()
                    .append("POST ")
                    .append(path)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(server.getHostString())
                    .append(':')
                    .append(server.getPort())
                    .append("\r\n")
                    .append("Content-Type: ")
                    .append(contentType)
                    .append("\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] bytes = new byte[start.length + content.length];
            System.arraycopy(start, 0, bytes, 0, start.length);
            System.arraycopy(content, 0, bytes, start.length, content.length);
            return new Request(path, bytes);
        }
    }

    record Response(int status, byte[] body) {}

    private final InetSocketAddress server;
    private Socket socket;
    private BufferedOutputStream out;
    private BufferedInputStream in;
    private int connections;

    LiveKitHttpWire(InetSocketAddress server) {
        this.server = server;
    }

    /** How many TCP connections this client has opened so far. */
    int connections() {
        return connections;
    }

    Response send(Request request) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        try {
            return exchange(request);
        } catch (EOFException | java.net.SocketException e) {
            if (!reused) {
                throw e;
            }
            // The server closed the idle keep-alive connection before this request reached it.
            disconnect();
            connect();
            return exchange(request);
        }
    }

    private Response exchange(Request request) throws IOException {
        out.write(request.bytes());
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close");
                default -> {
                    // not needed to frame the response
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body ended early");
            }
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            disconnect();
        }
        return new Response(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("chunk ended early");
            }
            body.write(chunk);
            line();
        }
    }

    /** One header line without its CRLF; EOF before any byte means the server closed the connection. */
    private String line() throws IOException {
        var line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, 5_000);
        socket.setSoTimeout(30_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        connections++;
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket we no longer use
            }
        }
        socket = null;
        out = null;
        in = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
