package dev.sora4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code sora} command; the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try (CliContext context = CliContext.forProcess(out, err)) {
            code = Sora.commandLine(context).execute(args);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
