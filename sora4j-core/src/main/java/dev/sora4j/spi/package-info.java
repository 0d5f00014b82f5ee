/**
 * The transport seam: {@link dev.sora4j.spi.VideoGateway} is what a {@link dev.sora4j.SoraClient} needs from a server.
 * The library's own implementation sits on the official SDK; tests and alternative transports may provide another
 * through {@link dev.sora4j.SoraClient.Builder#gateway}.
 */
package dev.sora4j.spi;
