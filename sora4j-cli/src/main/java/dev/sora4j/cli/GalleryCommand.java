package dev.sora4j.cli;

import dev.sora4j.cli.gallery.AccessToken;
import dev.sora4j.cli.gallery.GalleryServer;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.internal.files.AtomicFiles;
import dev.sora4j.options.PollOptions;
import java.awt.Desktop;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "gallery",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serve a local web page over the job ledger: every job with its thumbnail (hover to scrub),",
            "video (click to play), status, prompt, cost and lineage; filters, side-by-side compare, and",
            "download, edit, extend, remix and delete with the cost shown first and the equivalent command.",
            "The URL printed at start carries a random token that every request needs. Ctrl-C to stop.",
            "",
            "Examples:",
            "  sora gallery",
            "  sora --offline gallery --port 0 --open"
        })
final class GalleryCommand extends BaseCommand {
    /** How often the page's running jobs are asked about when no --offline emulator answers in a second. */
    static final Duration REFRESH_ONLINE = PollOptions.DEFAULT_INTERVAL;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8788", description = "Port (default 8788; 0 = any).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default 127.0.0.1; the token still guards every request elsewhere).")
    String host;

    @Option(names = "--open", description = "Open the gallery in the default browser.")
    boolean open;

    @Option(
            names = "--out-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Where the page's Download action writes videos (default: the current directory).")
    Path outDir;

    @Override
    int execute() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidRequestException(
                    "port", "--port must be 0-65535, got " + port + "; use 0 for any free port.");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidRequestException(
                    "host", "--host " + host + " is not an address of this machine; use 127.0.0.1 (the default).");
        }
        if (!address.isLoopbackAddress()) {
            warn("--host " + host
                    + " lets other machines reach the gallery over plain HTTP; only the token guards it.");
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InvalidRequestException("out_dir", "--out-dir " + outDir + " is a file; name a directory.");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "sora4j-gallery-shutdown");
        boolean interrupted = false;
        try (GalleryServer server = serve(context(), global(), host, port, outDir)) {
            out().println(server.url());
            out().flush();
            info("Gallery of " + context().ledger(global()).location() + " at the URL above (keep it private: it holds"
                    + " the token). Ctrl-C to stop.");
            if (open) {
                openBrowser(server.url());
            }
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // Already shutting down, or never registered.
            }
        }
        return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** Starts a gallery over this run's ledger and client (tests start it here too). */
    static GalleryServer serve(CliContext context, GlobalOptions global, String host, int port, Path outDir) {
        CliGallery backend = new CliGallery(context, global, outDir);
        return GalleryServer.start(
                host,
                port,
                AccessToken.random(new SecureRandom()),
                backend,
                context.clock(),
                global.offline ? PollingOptions.OFFLINE_INTERVAL : REFRESH_ONLINE);
    }

    /**
     * Opens a small redirect file, as notebook servers do, so the token never appears in a browser
     * process's command line.
     */
    private void openBrowser(String url) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            info("No desktop browser to open here; open the URL above yourself.");
            return;
        }
        Path page = context().settings().home().resolve("gallery-open.html");
        String html = "<!doctype html><meta charset=utf-8><meta http-equiv=refresh content=\"0;url=" + url
                + "\"><title>sora gallery</title><a href=\"" + url + "\">Open the gallery</a>\n";
        try {
            Files.createDirectories(page.getParent());
            AtomicFiles.write(page, html.getBytes(StandardCharsets.UTF_8));
            try {
                Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the home directory's own permissions apply.
            }
            Desktop.getDesktop().browse(page.toUri());
        } catch (IOException | RuntimeException e) {
            info("Could not open a browser (" + e.getMessage() + "); open the URL above yourself.");
        }
    }
}
