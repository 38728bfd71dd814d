package org.kkr4j.remote.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Hands out the single transport of each computer, creating it on first use, so that every caller in the
 * process (submitter, poller, retriever, cleaner) shares one connection per computer. Creating a transport
 * does not connect; {@link SshTransport} connects on its first command.
 */
public final class TransportPool implements AutoCloseable {
    private final Function<String, ? extends Transport> opener;
    private final Map<String, Transport> transports = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param opener makes the transport of a computer from its name (e.g. by looking up its settings) */
    public TransportPool(Function<String, ? extends Transport> opener) {
        this.opener = opener;
    }

    /** The computer's transport; the same instance for every call until {@link #evict} or {@link #close}. */
    public Transport get(String computer) {
        if (closed) {
            throw new IllegalStateException("transport pool is closed");
        }
        return transports.computeIfAbsent(computer, name -> {
            Transport t = opener.apply(name);
            if (t == null) {
                throw new IllegalArgumentException("no transport for computer \"" + name + "\"");
            }
            return t;
        });
    }

    /** Closes and forgets a computer's transport (its settings changed); the next get makes a new one. */
    public void evict(String computer) throws IOException {
        Transport t = transports.remove(computer);
        if (t != null) {
            t.close();
        }
    }

    /** Names of the computers whose transport exists now. */
    public List<String> computers() {
        return List.copyOf(transports.keySet());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        List<IOException> failures = new ArrayList<>();
        for (String name : List.copyOf(transports.keySet())) {
            try {
                evict(name);
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IOException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
