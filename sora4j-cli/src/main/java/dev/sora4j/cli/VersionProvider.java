package dev.sora4j.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (a dev build reports "dev"). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"sora4j " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version") + ")"
        };
    }
}
