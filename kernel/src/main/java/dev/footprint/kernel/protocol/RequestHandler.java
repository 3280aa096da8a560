package dev.footprint.kernel.protocol;

/** Acts on one authenticated request that arrived on a shell or control socket. */
interface RequestHandler {

    /** Handles {@code request}; replies go out through {@code channel}, on the calling thread. */
    void handle(JupyterMessage request, ChannelLoop channel);
}
