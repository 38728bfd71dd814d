package org.kkr4j.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kkr4j.store.BlobRef;
import org.kkr4j.store.Event;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Link;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.Node;
import org.kkr4j.store.NodeKind;
import org.kkr4j.store.NoSuchBlobException;
import org.kkr4j.store.NoSuchNodeException;
import org.kkr4j.store.StoreException;
import org.kkr4j.store.db.Dialect;
import org.kkr4j.store.db.Hex;

/** Row-level reads and writes of nodes, links, files and events on a given connection. */
public final class Graph {
    private final Dialect dialect;
    private final String where;

    public Graph(Dialect dialect, String where) {
        this.dialect = dialect;
        this.where = where;
    }

    public static String kindName(NodeKind kind) {
        return switch (kind) {
            case DATA -> "data";
            case CALCULATION -> "calc";
            case WORKFLOW -> "work";
        };
    }

    public static NodeKind kind(String name) {
        return switch (name) {
            case "data" -> NodeKind.DATA;
            case "calc" -> NodeKind.CALCULATION;
            case "work" -> NodeKind.WORKFLOW;
            default -> throw new StoreException("unknown node kind in the database: " + name);
        };
    }

    public static LinkType linkType(String name) {
        return LinkType.valueOf(name.toUpperCase(Locale.ROOT));
    }

    public long insertNode(Connection c, UUID uuid, NodeKind kind, String type, String label, long ctimeMillis,
                           String attrsJson) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO node (uuid, kind, type, label, ctime, attrs) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            dialect.setUuid(s, 1, uuid);
            s.setString(2, kindName(kind));
            s.setString(3, type);
            s.setString(4, label);
            s.setLong(5, ctimeMillis);
            s.setString(6, attrsJson);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** @return false when the same link already exists */
    public boolean insertLink(Connection c, long src, long dst, LinkType type, String label) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO link (src, dst, type, label) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (src, dst, type, label) DO NOTHING")) {
            s.setLong(1, src);
            s.setLong(2, dst);
            s.setString(3, type.dbName());
            s.setString(4, label);
            return s.executeUpdate() == 1;
        }
    }

    /** Adds a file to a node; the blob must be in the store with the size the entry claims. */
    public void insertFile(Connection c, long node, String path, BlobRef blob) throws SQLException {
        byte[] key = Hex.sha256Bytes(blob.sha256(), "blob of " + path);
        try (PreparedStatement s = c.prepareStatement("SELECT size FROM blob WHERE sha256 = ?")) {
            s.setBytes(1, key);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchBlobException(blob.sha256(), where + " (file " + path + "): store it before using it");
                }
                if (rows.getLong(1) != blob.sizeBytes()) {
                    throw new StoreException("file " + path + " claims blob " + blob.sha256() + " has " + blob.sizeBytes()
                            + " bytes, the store has " + rows.getLong(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO node_file (node, path, sha256, size) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, node);
            s.setString(2, path);
            s.setBytes(3, key);
            s.setLong(4, blob.sizeBytes());
            s.executeUpdate();
        }
    }

    public Event insertEvent(Connection c, long node, String from, String to, String reason, String detailJson,
                             long tsMillis) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO event (node, ts, from_state, to_state, reason, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?) RETURNING seq")) {
            s.setLong(1, node);
            s.setLong(2, tsMillis);
            s.setString(3, from);
            s.setString(4, to);
            s.setString(5, reason);
            s.setString(6, detailJson);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return new Event(rows.getLong(1), node, Instant.ofEpochMilli(tsMillis), from, to, reason, detailJson);
            }
        }
    }

    public Node node(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, uuid, kind, type, label, ctime, attrs FROM node WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchNodeException(id, where);
                }
                return node(rows);
            }
        }
    }

    public Node node(ResultSet rows) throws SQLException {
        return new Node(rows.getLong(1), dialect.getUuid(rows, 2).toString(), kind(rows.getString(3)), rows.getString(4),
                rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)), rows.getString(7));
    }

    public Node requireKind(Connection c, long id, NodeKind kind, String role) throws SQLException {
        Node node = node(c, id);
        if (node.kind() != kind) {
            throw new NoSuchNodeException("a " + kind.name().toLowerCase(Locale.ROOT) + " node (" + role + "; it is "
                    + node.kind().name().toLowerCase(Locale.ROOT) + " " + node.type() + ")", id, where);
        }
        return node;
    }

    public Long nodeIdByUuid(Connection c, UUID uuid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM node WHERE uuid = ?")) {
            dialect.setUuid(s, 1, uuid);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    public List<Link> links(Connection c, long node, boolean incoming) throws SQLException {
        String sql = "SELECT src, dst, type, label FROM link WHERE " + (incoming ? "dst" : "src") + " = ? "
                + "ORDER BY src, dst, type, label";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, node);
            try (ResultSet rows = s.executeQuery()) {
                List<Link> links = new ArrayList<>();
                while (rows.next()) {
                    links.add(new Link(rows.getLong(1), rows.getLong(2), linkType(rows.getString(3)), rows.getString(4)));
                }
                return links;
            }
        }
    }

    public List<FileEntry> files(Connection c, long node) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT path, sha256, size FROM node_file WHERE node = ? ORDER BY path")) {
            s.setLong(1, node);
            try (ResultSet rows = s.executeQuery()) {
                List<FileEntry> files = new ArrayList<>();
                while (rows.next()) {
                    files.add(new FileEntry(rows.getString(1), new BlobRef(Hex.of(rows.getBytes(2)), rows.getLong(3))));
                }
                return files;
            }
        }
    }

    public boolean nodeHoldsBlob(Connection c, long node, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM node_file WHERE node = ? AND sha256 = ?")) {
            s.setLong(1, node);
            s.setBytes(2, Hex.sha256Bytes(sha256, "blob"));
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    public List<Event> events(PreparedStatement s) throws SQLException {
        try (ResultSet rows = s.executeQuery()) {
            List<Event> events = new ArrayList<>();
            while (rows.next()) {
                events.add(new Event(rows.getLong(1), rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3)),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
            }
            return events;
        }
    }

    public static final String EVENT_COLUMNS = "seq, node, ts, from_state, to_state, reason, detail";
}
