package dev.sora4j.internal.calls;

import dev.sora4j.model.ListQuery;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.spi.VideoGateway;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Every job of the list endpoint, page after page ({@code after} = the previous page's last id). */
public final class VideoPages {
    private VideoPages() {}

    /**
     * Iterates lazily; each page is fetched when the previous one is used up.
     *
     * @param gateway where to list
     * @param pageSize page size, or null for the server's default
     * @param order {@code asc}, {@code desc} or null
     * @return the jobs
     */
    public static Iterable<VideoJob> all(VideoGateway gateway, Integer pageSize, String order) {
        return () -> new Iterator<>() {
            private VideoPage page = gateway.list(new ListQuery(pageSize, order, null));
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.data().size()) {
                    if (!page.hasMore() || page.lastId() == null || page.data().isEmpty()) {
                        return false;
                    }
                    page = gateway.list(new ListQuery(pageSize, order, page.lastId()));
                    index = 0;
                }
                return true;
            }

            @Override
            public VideoJob next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.data().get(index++);
            }
        };
    }
}
