package dev.sora4j.emulator.http;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Closes a request's TCP connection abruptly, to emulate a reset by the network or a proxy. */
public final class ConnectionKiller {
    private ConnectionKiller() {}

    public static void kill(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
