package org.thesenforum.web;

import io.netty.channel.ChannelPipeline;

/** Lets a feature put its own guard into a connection that has just been upgraded to a WebSocket. */
public interface WebSocketUpgrades {

    /** Called on the connection's event loop; new handlers go right after the handler named {@code after}. */
    void upgraded(ChannelPipeline pipeline, String after);
}
