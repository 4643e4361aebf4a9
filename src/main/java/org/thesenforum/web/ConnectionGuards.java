package org.thesenforum.web;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a {@link HeaderDeadline} in front of every connection the HTTP server accepts. Quarkus offers no hook for new
 * connections, so one is added to the listening channel of each Vert.x server once it is bound.
 */
@Singleton
public class ConnectionGuards implements HttpServerOptionsCustomizer {

    private static final String ACCEPT_HOOK = "forum-connection-guards";

    /** What every connection's guards need to know; the 413 bodies in each language the forum offers. */
    record Limits(long headerTimeoutNanos, long maxBodyBytes, Map<Locale, byte[]> problemBodies,
            Map<Locale, byte[]> textBodies, List<WebSocketUpgrades> upgrades) {
    }

    private final Vertx vertx;
    private final Limits limits;

    ConnectionGuards(Vertx vertx, ForumConfig config, ObjectMapper json, Instance<WebSocketUpgrades> upgrades,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize)
            throws JsonProcessingException {
        this.vertx = vertx;
        long max = maxBodySize.asLongValue();
        Text tooLarge = Text.of(Messages.class, m -> m.problem_too_large(max / 1024));
        Map<Locale, byte[]> problemBodies = new HashMap<>();
        Map<Locale, byte[]> textBodies = new HashMap<>();
        for (Locale locale : Languages.OFFERED) {
            String detail = tooLarge.in(locale);
            problemBodies.put(locale, json.writeValueAsBytes(Problem.of(413, "Content Too Large", detail, null)));
            textBodies.put(locale, detail.getBytes(StandardCharsets.UTF_8));
        }
        this.limits = new Limits(config.http().headerTimeout().toNanos(), max, Map.copyOf(problemBodies),
                Map.copyOf(textBodies), upgrades.stream().toList());
    }

    /**
     * Plain HTTP speaks HTTP/1.1 only: no browser uses cleartext HTTP/2, and with it Vert.x would set a connection up
     * only after its first bytes, past the guards. HTTP/2 over TLS is not affected.
     */
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    void onStart(@Observes StartupEvent event) {
        install();
    }

    void onHttpStart(@ObservesAsync HttpServerStart event) {
        install();
    }

    void onHttpsStart(@ObservesAsync HttpsServerStart event) {
        install();
    }

    private synchronized void install() {
        for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel listening = listeningChannel(server);
            if (listening == null) {
                continue;
            }
            ChannelPipeline pipeline = listening.pipeline();
            if (pipeline.get(ACCEPT_HOOK) == null) {
                pipeline.addFirst(ACCEPT_HOOK, new AcceptHook(limits));
                Log.debugf("Connection guards on %s", listening.localAddress());
            } else if (((AcceptHook) pipeline.get(ACCEPT_HOOK)).limits != limits) {
                // a restart in dev mode keeps the server: the hook takes this instance's settings
                pipeline.replace(ACCEPT_HOOK, ACCEPT_HOOK, new AcceptHook(limits));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Channel listeningChannel(TCPServerBase server) {
        try {
            Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
            bind.setAccessible(true);
            Future<Channel> future = (Future<Channel>) bind.get(server);
            return future == null ? null : future.result();
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("Header timeout and chunked body limit are off: cannot reach the listening channel (%s)", e);
            return null;
        }
    }

    /** On the listening channel: gives each accepted connection its own deadline before Vert.x sets it up. */
    @ChannelHandler.Sharable
    static final class AcceptHook extends ChannelInboundHandlerAdapter {

        private final Limits limits;

        AcceptHook(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst(HeaderDeadline.NAME, new HeaderDeadline(limits));
            }
            ctx.fireChannelRead(msg);
        }
    }
}
