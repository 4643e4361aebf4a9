package org.thesenforum.live;

import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.thesenforum.web.WebSocketUpgrades;

/** Gives every upgraded WebSocket connection a {@link FrameGuard} with the server's message size limit. */
@Singleton
class FrameLimits implements WebSocketUpgrades {

    private final int maxMessageBytes;

    FrameLimits(@ConfigProperty(name = "quarkus.websockets-next.server.max-message-size") int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void upgraded(ChannelPipeline pipeline, String after) {
        pipeline.addAfter(after, FrameGuard.NAME, new FrameGuard(maxMessageBytes));
    }
}
