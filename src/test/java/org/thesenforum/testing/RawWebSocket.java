package org.thesenforum.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** A WebSocket client on a plain socket, for frames a well-behaved client cannot send (such as invalid UTF-8). */
public final class RawWebSocket implements AutoCloseable {

    public static final int TEXT = 1;
    public static final int BINARY = 2;
    public static final int CLOSE = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** One frame from the server. */
    public record Frame(int opcode, byte[] payload) {

        public int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    public static RawWebSocket connect(URI base, String path) throws IOException {
        RawWebSocket ws = new RawWebSocket(new Socket(base.getHost(), base.getPort()));
        ws.socket.setSoTimeout(10_000);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        ws.out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String head = ws.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            ws.close();
            throw new IOException("No upgrade: " + head);
        }
        return ws;
    }

    /** Sends one masked frame, as clients must. */
    public void send(int opcode, byte[] payload, boolean fin) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next frame; blocks up to ten seconds. */
    public Frame read() throws IOException {
        int first = in.readUnsignedByte();
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Reads frames until the server's close frame and returns its code. */
    public int awaitCloseCode() throws IOException {
        while (true) {
            Frame frame = read();
            if (frame.opcode() == CLOSE) {
                return frame.closeCode();
            }
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Drops the connection as a phone that loses its network may: a TCP reset, no closing handshake. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
