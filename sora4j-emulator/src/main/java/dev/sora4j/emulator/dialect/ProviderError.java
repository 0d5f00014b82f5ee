package dev.sora4j.emulator.dialect;

/** A refusal already shaped as the provider writes it: the status and the JSON body. */
public final class ProviderError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object body;

    public ProviderError(int status, Object body) {
        super("HTTP " + status);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }
}
