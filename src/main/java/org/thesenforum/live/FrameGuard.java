package org.thesenforum.live;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
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
final class FrameGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "forum-frame-guard";

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

    private void close(ChannelHandlerContext ctx, WebSocketFrame frame, WebSocketCloseStatus status, String reason) {
        ReferenceCountUtil.release(frame);
        closing = true;
        Log.debugf("Closing WebSocket from %s with %d: %s", ctx.channel().remoteAddress(), status.code(), reason);
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason)).addListener(ChannelFutureListener.CLOSE);
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
