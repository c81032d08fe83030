package dev.sofia.agents.provider;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A loopback WebSocket server whose side of each connection a test scripts frame by frame: enough of
 * RFC 6455 to answer or refuse a handshake, write frames (also fragmented, or cut off mid-frame) and
 * read the client's masked frames. MockWebServer writes only whole messages, which is why this
 * exists.
 */
final class ScriptedWebSocketServer implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;

    /** What the server does with one connection. */
    interface Script {
        void run(Connection connection) throws Exception;
    }

    /** One frame from the client, unmasked. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;

    ScriptedWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/socket");
    }

    /** Runs {@code script} on the next connection; the future fails with what the script threw. */
    CompletableFuture<Void> serve(Script script) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (Connection connection = new Connection(server.accept())) {
                script.run(connection);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private final Map<String, String> headers = new HashMap<>();

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
        }

        /** A request header by its name in any case, or {@code null}. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        void upgrade() throws IOException, NoSuchAlgorithmException {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((header("Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                            .getBytes(StandardCharsets.ISO_8859_1));
            write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n");
        }

        void refuse(int status, String body) throws IOException {
            write("HTTP/1.1 " + status + " Refused\r\nContent-Type: text/plain\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        }

        void text(String message) throws IOException {
            frame(true, TEXT, message.getBytes(StandardCharsets.UTF_8));
        }

        /** A frame as the header says, but only its first {@code sent} payload bytes, then a FIN. */
        void cutFrame(int opcode, byte[] payload, int sent) throws IOException {
            out.write(header(true, opcode, payload.length));
            out.write(payload, 0, sent);
            out.flush();
            socket.shutdownOutput();
        }

        void closeFrame(int code, String reason) throws IOException {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            frame(
                    true,
                    CLOSE,
                    ByteBuffer.allocate(2 + text.length)
                            .putShort((short) code)
                            .put(text)
                            .array());
        }

        void frame(boolean fin, int opcode, byte[] payload) throws IOException {
            out.write(header(fin, opcode, payload.length));
            out.write(payload);
            out.flush();
        }

        /** The next frame the client sent. */
        Frame read() throws IOException {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes(Math.toIntExact(length));
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            return new Frame((first & 0x80) != 0, first & 0x0f, payload);
        }

        /** Waits until the client is gone; what it sends meanwhile is dropped. */
        void awaitEnd() throws IOException {
            in.transferTo(OutputStream.nullOutputStream());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static byte[] header(boolean fin, int opcode, int length) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.write((fin ? 0x80 : 0) | opcode);
            if (length < 126) {
                header.write(length);
            } else if (length < 65536) {
                header.write(126);
                header.write(length >>> 8);
                header.write(length & 0xff);
            } else {
                header.write(127);
                header.writeBytes(ByteBuffer.allocate(8).putLong(length).array());
            }
            return header.toByteArray();
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("request ended early");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
