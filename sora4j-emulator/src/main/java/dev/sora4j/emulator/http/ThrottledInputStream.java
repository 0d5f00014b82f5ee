package dev.sora4j.emulator.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Limits read throughput, to let tests and demos observe an in-flight download. */
public final class ThrottledInputStream extends FilterInputStream {
    private final long bytesPerSecond;
    private final long started = System.nanoTime();
    private long total;

    public ThrottledInputStream(InputStream in, long bytesPerSecond) {
        super(in);
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, bytesPerSecond / 20)));
        if (n > 0) {
            total += n;
            long dueNanos = total * 1_000_000_000L / bytesPerSecond;
            long ahead = dueNanos - (System.nanoTime() - started);
            if (ahead > 0) {
                try {
                    Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("throttled read interrupted");
                }
            }
        }
        return n;
    }
}
