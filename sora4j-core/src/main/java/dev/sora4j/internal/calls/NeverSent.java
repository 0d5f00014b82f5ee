package dev.sora4j.internal.calls;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * Tells a request that never left this machine (the host name did not resolve, the connection was
 * refused or had no route) from one whose answer was lost. Only the first kind is certain to have
 * created nothing: no byte of it reached a server, so it costs nothing and may be sent again without
 * searching the server for it.
 */
public final class NeverSent {
    private NeverSent() {}

    /** Whether {@code failure}, or any of its causes, says that no connection was ever made. */
    public static boolean neverLeft(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}
