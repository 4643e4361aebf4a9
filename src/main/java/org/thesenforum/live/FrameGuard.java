package org.thesenforum.live;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.quarkus.logging.Log;

/**
 * Checks each WebSocket message before the endpoint sees it: a message over the size limit closes the connection
 * with 1009, text that is not UTF-8 with 1007, each with one DEBUG line instead of an error in the log.
 */
final class FrameGuard extends ChannelDuplexHandler {

    static final String NAME = "forum-frame-guard";
    private static final int CLOSE_WAIT_SECONDS = 1;

    private final int maxMessageBytes;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private long messageBytes;
    private boolean inText;
    private boolean closing;

    FrameGuard(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            // The closing handshake: once the client answers our Close frame the connection ends.
            if (msg instanceof CloseWebSocketFrame) {
                ctx.close();
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        WebSocketFrame frame = (WebSocketFrame) msg;
        if (!(frame instanceof ContinuationWebSocketFrame)) {
            messageBytes = 0;
            inText = frame instanceof TextWebSocketFrame;
            text.reset();
        }
        messageBytes += frame.content().readableBytes();
        if (messageBytes > maxMessageBytes) {
            close(ctx, frame, WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "Nachricht zu groß (höchstens " + maxMessageBytes + " Bytes).");
            return;
        }
        if (inText) {
            byte[] bytes = new byte[frame.content().readableBytes()];
            frame.content().getBytes(frame.content().readerIndex(), bytes);
            text.writeBytes(bytes);
            if (frame.isFinalFragment() && !utf8(text.toByteArray())) {
                close(ctx, frame, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "Der Text ist kein gültiges UTF-8.");
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * Frames the WebSocket decoder itself refuses (a single frame over its frame limit, an unmasked or reserved
     * frame) arrive here as an exception: bad input from a client, answered with the decoder's close code (1009 for
     * a frame too large, 1002 otherwise) and one DEBUG line, not an error with a stack trace.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        CorruptedWebSocketFrameException corrupted = cause instanceof CorruptedWebSocketFrameException c ? c
                : cause instanceof DecoderException && cause.getCause() instanceof CorruptedWebSocketFrameException c
                        ? c : null;
        if (corrupted == null) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (!closing) {
            WebSocketCloseStatus status = corrupted.closeStatus() == null ? WebSocketCloseStatus.PROTOCOL_ERROR
                    : corrupted.closeStatus();
            close(ctx, null, status, String.valueOf(corrupted.getMessage()));
        }
    }

    /** Nothing more goes out after our Close frame (the endpoint may not know yet that the connection ends). */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (closing && msg instanceof WebSocketFrame) {
            ReferenceCountUtil.release(msg);
            promise.setSuccess();
            return;
        }
        super.write(ctx, msg, promise);
    }

    /**
     * Sends the Close frame and ends the connection when the client answers it, or after a second at most. Closing
     * at once could end the connection before the endpoint has even been set up, which Vert.x reports as an error.
     */
    private void close(ChannelHandlerContext ctx, WebSocketFrame frame, WebSocketCloseStatus status, String reason) {
        if (frame != null) {
            ReferenceCountUtil.release(frame);
        }
        closing = true;
        Log.debugf("Closing WebSocket from %s with %d: %s", ctx.channel().remoteAddress(), status.code(), reason);
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason));
        ctx.executor().schedule(() -> {
            ctx.close();
        }, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
