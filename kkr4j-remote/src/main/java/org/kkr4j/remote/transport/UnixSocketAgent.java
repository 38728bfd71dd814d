package org.kkr4j.remote.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Talks to ssh-agent over its Unix domain socket with the JDK's own socket support. MINA's bundled Unix
 * agent client needs Tomcat's native APR library; the agent protocol is a length-prefixed request/answer
 * exchange, so the JDK (16+) suffices. MINA's {@link AbstractAgentProxy} builds and parses the messages.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
    private static final int MAX_ANSWER_BYTES = 256 * 1024;
    private final Path socket;
    private final SocketChannel channel;

    UnixSocketAgent(Path socket) throws IOException {
        super(null);
        this.socket = socket;
        this.channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = ByteBuffer.allocate(4);
        readFully(length);
        int size = length.flip().getInt();
        if (size < 0 || size > MAX_ANSWER_BYTES) {
            throw new IOException("ssh-agent at " + socket + " sent an answer of " + size + " bytes");
        }
        ByteBuffer answer = ByteBuffer.allocate(size);
        readFully(answer);
        return new ByteArrayBuffer(answer.array());
    }

    private void readFully(ByteBuffer target) throws IOException {
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                throw new EOFException("ssh-agent at " + socket + " closed the connection");
            }
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            super.close();
        }
    }

    /** Hands MINA a fresh agent connection per authentication; agent forwarding is not offered. */
    static final class Factory implements SshAgentFactory {
        private final Path socket;

        Factory(Path socket) {
            this.socket = socket;
        }

        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
            return new UnixSocketAgent(socket);
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("SSH agent forwarding is not supported");
        }
    }
}
