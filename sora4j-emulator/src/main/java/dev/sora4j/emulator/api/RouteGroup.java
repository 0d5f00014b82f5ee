package dev.sora4j.emulator.api;

import io.javalin.config.RoutesConfig;

/** The routes of one resource, registered together like a Javalin endpoint group. */
public interface RouteGroup {
    /** Adds this resource's routes. */
    void register(RoutesConfig routes);
}
