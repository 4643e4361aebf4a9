package org.thesenforum.web;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.logging.Log;

/**
 * First handler of every HTTP connection: closes it when a request's headers have not arrived in time, counted from
 * the connection's start and from the end of the previous response; a trickled byte does not reset the clock.
 */
final class HeaderDeadline extends ChannelInboundHandlerAdapter {

    static final String NAME = "forum-header-deadline";
    /** Names Vert.x gives the HTTP/1.x request decoder and its own connection handler. */
    private static final String VERTX_DECODER = "httpDecoder";
    private static final String VERTX_HANDLER = "handler";

    private final ConnectionGuards.Limits limits;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean guarded;
    private boolean exempt;

    HeaderDeadline(ConnectionGuards.Limits limits) {
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm();
        guard(ctx.pipeline());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (guarded || exempt) {
            ctx.fireChannelRead(msg);
            return;
        }
        guard(ctx.pipeline());
        ctx.fireChannelRead(msg);
        if (!guarded && !exempt && ctx.pipeline().get(VERTX_HANDLER) != null) {
            // Vert.x set the connection up only now (TLS, protocol detection): requests are not visible to us.
            exempt();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    /** A request's headers are complete: no deadline while it is served. */
    void headersReceived() {
        cancel();
    }

    /** Every response is out: the next request's headers must come within the bound, too. */
    void idle() {
        if (!exempt) {
            arm();
        }
    }

    /** Never close this connection for slowness again (WebSockets, protocols this guard cannot follow). */
    void exempt() {
        exempt = true;
        cancel();
    }

    private void guard(ChannelPipeline pipeline) {
        if (pipeline.get(VERTX_HANDLER) == null) {
            return;
        }
        if (pipeline.get(VERTX_DECODER) == null) {
            exempt();
            return;
        }
        pipeline.addBefore(VERTX_HANDLER, RequestGuard.NAME, new RequestGuard(this, limits));
        guarded = true;
    }

    private void arm() {
        cancel();
        timer = ctx.executor().schedule(this::expire, limits.headerTimeoutNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire() {
        timer = null;
        Log.debugf("Closing connection from %s: no complete request headers in time", ctx.channel().remoteAddress());
        ctx.close();
    }
}
