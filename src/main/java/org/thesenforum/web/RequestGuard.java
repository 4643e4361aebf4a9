package org.thesenforum.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.util.ReferenceCountUtil;
import io.quarkus.logging.Log;

/**
 * Sits right behind the HTTP/1.1 decoder of a connection: tells the {@link HeaderDeadline} when headers are complete
 * and when responses end, and holds a chunked body until it is complete, refusing it with 413 and closing the
 * connection as soon as it passes the body limit, before the application reads any of it.
 */
final class RequestGuard extends ChannelDuplexHandler {

    static final String NAME = "forum-request-guard";

    private final HeaderDeadline deadline;
    private final ConnectionGuards.Limits limits;
    private int inFlight;
    private boolean readingBody;
    private boolean upgraded;
    private boolean refused;
    private List<HttpObject> held;
    private String heldPath;
    private Locale heldReader;
    private long heldBytes;

    RequestGuard(HeaderDeadline deadline, ConnectionGuards.Limits limits) {
        this.deadline = deadline;
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (upgraded) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            inFlight++;
            readingBody = true;
            deadline.headersReceived();
            if (!request.decoderResult().isSuccess() || !chunkedWithoutLength(request)) {
                readingBody = !(msg instanceof LastHttpContent);
                ctx.fireChannelRead(msg);
                return;
            }
            hold(ctx, request);
            if (!(msg instanceof HttpContent)) {
                return;
            }
        }
        if (msg instanceof LastHttpContent) {
            readingBody = false;
            if (held == null && inFlight == 0) {
                deadline.idle();
            }
        }
        if (held != null && msg instanceof HttpContent content) {
            if (!(msg instanceof HttpRequest)) {
                held.add(content);
            }
            heldBytes += content.content().readableBytes();
            if (heldBytes > limits.maxBodyBytes()) {
                refuse(ctx);
            } else if (msg instanceof LastHttpContent) {
                List<HttpObject> complete = held;
                held = null;
                complete.forEach(ctx::fireChannelRead);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!upgraded && msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            if (response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                upgraded = true;
                deadline.exempt();
                limits.upgrades().forEach(u -> u.upgraded(ctx.pipeline(), NAME));
            }
            ctx.write(msg, promise);
            return;
        }
        if (!upgraded && msg instanceof LastHttpContent && inFlight > 0 && --inFlight == 0 && !readingBody) {
            // an answer sent before its request's body was read in full waits for that body
            deadline.idle();
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        release();
        super.channelInactive(ctx);
    }

    private static boolean chunkedWithoutLength(HttpRequest request) {
        return !request.headers().contains(HttpHeaderNames.CONTENT_LENGTH) && HttpUtil.isTransferEncodingChunked(request);
    }

    private void hold(ChannelHandlerContext ctx, HttpRequest request) {
        held = new ArrayList<>();
        held.add(request);
        heldPath = request.uri();
        heldReader = readerOf(request);
        heldBytes = 0;
        if (HttpUtil.is100ContinueExpected(request)) {
            // The application sees the request only once its body is complete, so it cannot ask for the body itself.
            HttpUtil.set100ContinueExpected(request, false);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    /** 413 and close; reading stops, so the rest of the body is never received. */
    private void refuse(ChannelHandlerContext ctx) {
        release();
        refused = true;
        ctx.channel().config().setAutoRead(false);
        Log.debugf("Refused a chunked body over %d bytes from %s", limits.maxBodyBytes(), ctx.channel().remoteAddress());
        if (inFlight > 1) {
            // an earlier response on this connection is still being written: no room for ours
            ctx.close();
            return;
        }
        boolean api = ApiPaths.isApi(heldPath);
        byte[] body = (api ? limits.problemBodies() : limits.textBodies()).get(heldReader);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, api ? Problem.MEDIA_TYPE : "text/plain; charset=UTF-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The language of the request's reader, from its {@value Languages#COOKIE} cookie and Accept-Language. */
    private static Locale readerOf(HttpRequest request) {
        String chosen = null;
        String cookies = request.headers().get(HttpHeaderNames.COOKIE);
        if (cookies != null) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookies)) {
                if (Languages.COOKIE.equals(cookie.name())) {
                    chosen = cookie.value();
                }
            }
        }
        return Languages.resolve(chosen, request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
    }

    private void release() {
        if (held != null) {
            held.forEach(ReferenceCountUtil::release);
            held = null;
        }
    }
}
