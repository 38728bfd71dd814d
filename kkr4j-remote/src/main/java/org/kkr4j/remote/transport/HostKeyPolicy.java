package org.kkr4j.remote.transport;

/** What to do with a server's host key, checked against a known_hosts file. */
public enum HostKeyPolicy {
    /** Only hosts already in known_hosts are accepted (OpenSSH StrictHostKeyChecking=yes). */
    STRICT,
    /**
     * An unknown host is accepted and appended to known_hosts; a host whose key changed is still refused
     * (OpenSSH StrictHostKeyChecking=accept-new).
     */
    ACCEPT_NEW
}
