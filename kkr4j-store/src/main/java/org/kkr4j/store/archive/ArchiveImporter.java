package org.kkr4j.store.archive;

import org.kkr4j.store.RunResult;

import org.kkr4j.store.sql.RunRows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.kkr4j.store.ArchiveSummary;
import org.kkr4j.store.BlobRef;
import org.kkr4j.store.NodeKind;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.RunState;
import org.kkr4j.store.StoreException;
import org.kkr4j.store.blob.PackBlobStore;
import org.kkr4j.store.db.Database;
import org.kkr4j.store.db.Hex;
import org.kkr4j.store.sql.Graph;
import org.kkr4j.store.sql.Json;

/**
 * Reads an archive written by {@link ArchiveExporter}. Every blob is checked against its digest before
 * any metadata is written; the metadata then goes in one transaction. Nodes are matched by uuid: a node
 * already present is kept as it is (with its files, run row and events), so importing the same archive
 * twice adds nothing. Ids are assigned anew; links and cache references are mapped through the uuids.
 */
public final class ArchiveImporter {
    private final Database db;
    private final Graph graph;
    private final PackBlobStore blobs;

    public ArchiveImporter(Database db, Graph graph, PackBlobStore blobs) {
        this.db = db;
        this.graph = graph;
        this.blobs = blobs;
    }

    /** Entries of a zip or directory archive. */
    private interface Entries extends AutoCloseable {
        InputStream open(String name) throws IOException;

        @Override
        void close() throws IOException;
    }

    public ArchiveSummary importArchive(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new StoreException("no archive at " + absolute);
        }
        try (Entries entries = open(absolute)) {
            Manifest manifest = readManifest(entries, absolute);
            int newBlobs = 0;
            long newBlobBytes = 0;
            for (Manifest.BlobEntry blob : manifest.blobs()) {
                String name = Manifest.BLOB_PREFIX + blob.sha256();
                Hex.sha256Bytes(blob.sha256(), "blob name in " + absolute);
                if (blobs.putVerified(() -> entries.open(name), blob.sha256(), blob.size(), absolute + " entry " + name)) {
                    newBlobs++;
                    newBlobBytes += blob.size();
                }
            }
            int[] counts = db.write("importing " + absolute, c -> writeMetadata(c, manifest, absolute));
            return new ArchiveSummary(counts[0], counts[1], counts[2], counts[3], newBlobs, newBlobBytes);
        } catch (IOException e) {
            throw new StoreException("cannot read the archive " + absolute + ": " + e, e);
        }
    }

    private static Entries open(Path archive) throws IOException {
        if (Files.isDirectory(archive)) {
            return new Entries() {
                @Override
                public InputStream open(String name) throws IOException {
                    Path file = archive.resolve(name);
                    if (!Files.isRegularFile(file)) {
                        throw new StoreException("archive " + archive + " lacks " + name);
                    }
                    return Files.newInputStream(file);
                }

                @Override
                public void close() {
                }
            };
        }
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new StoreException("archive " + archive + " is neither a directory nor a zip file: " + e.getMessage(), e);
        }
        return new Entries() {
            @Override
            public InputStream open(String name) throws IOException {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    throw new StoreException("archive " + archive + " lacks " + name);
                }
                return zip.getInputStream(entry);
            }

            @Override
            public void close() throws IOException {
                zip.close();
            }
        };
    }

    private static Manifest readManifest(Entries entries, Path archive) throws IOException {
        ObjectReader reader = Json.MAPPER.readerFor(Manifest.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Manifest manifest;
        try (InputStream in = entries.open(Manifest.FILE_NAME)) {
            manifest = reader.readValue(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("the manifest of archive " + archive + " is not valid: " + e.getOriginalMessage(), e);
        }
        if (!Manifest.FORMAT.equals(manifest.format())) {
            throw new StoreException(archive + " is not a kkr4j archive (format " + manifest.format() + ")");
        }
        if (manifest.formatVersion() < 1 || manifest.formatVersion() > Manifest.VERSION) {
            throw new StoreException("archive " + archive + " has format version " + manifest.formatVersion()
                    + "; this kkr4j reads version " + Manifest.VERSION);
        }
        if (manifest.nodes() == null || manifest.links() == null || manifest.events() == null || manifest.blobs() == null
                || manifest.codes() == null) {
            throw new StoreException("the manifest of archive " + archive + " lacks nodes, links, events, codes or blobs");
        }
        return manifest;
    }

    /** @return new runs, nodes, links, events */
    private int[] writeMetadata(Connection c, Manifest manifest, Path archive) throws SQLException {
        for (Manifest.CodeEntry code : manifest.codes()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO code (name, path, version, sha256, helpers, registered) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, code.name());
                s.setString(2, code.path());
                s.setString(3, code.version());
                s.setBytes(4, Hex.sha256Bytes(code.sha256(), "code " + code.name()));
                s.setString(5, Json.object(code.helpers() == null ? Map.of() : code.helpers()));
                s.setLong(6, code.registered());
                s.executeUpdate();
            }
        }
        Map<String, Long> ids = new HashMap<>();
        Set<String> added = new HashSet<>();
        for (Manifest.NodeEntry node : manifest.nodes()) {
            UUID uuid = uuid(node.uuid(), archive);
            Long existing = graph.nodeIdByUuid(c, uuid);
            if (existing != null) {
                ids.put(node.uuid(), existing);
            } else {
                NodeKind kind = Graph.kind(node.kind());
                ids.put(node.uuid(), graph.insertNode(c, uuid, kind, node.type(), node.label(), node.created(), node.attrs()));
                added.add(node.uuid());
            }
        }
        int runs = 0;
        for (Manifest.NodeEntry node : manifest.nodes()) {
            if (!added.contains(node.uuid())) {
                continue;
            }
            long id = ids.get(node.uuid());
            for (Manifest.FileRow file : node.files() == null ? List.<Manifest.FileRow>of() : node.files()) {
                graph.insertFile(c, id, file.path(), new BlobRef(file.sha256(), file.size()));
            }
            if (node.run() != null) {
                insertRun(c, id, node.run(), ids, archive);
                if (node.result() != null) {
                    insertResult(c, id, node.result());
                }
                runs++;
            }
        }
        int links = 0;
        for (Manifest.LinkEntry link : manifest.links()) {
            Long src = ids.get(link.source());
            Long dst = ids.get(link.target());
            if (src == null || dst == null) {
                throw new StoreException("archive " + archive + " links " + link.source() + " → " + link.target()
                        + ", a node it does not contain");
            }
            if (graph.insertLink(c, src, dst, Graph.linkType(link.type()), link.label())) {
                links++;
            }
        }
        int events = 0;
        for (Manifest.EventEntry event : manifest.events()) {
            if (added.contains(event.node())) {
                graph.insertEvent(c, ids.get(event.node()), event.from(), event.to(), event.reason(), event.detail(), event.time());
                events++;
            }
        }
        return new int[] {runs, added.size(), links, events};
    }

    private static UUID uuid(String text, Path archive) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("archive " + archive + " names a node by '" + text + "', not a uuid");
        }
    }

    private static void insertRun(Connection c, long id, Manifest.RunRow run, Map<String, Long> ids, Path archive)
            throws SQLException {
        RunState state = RunState.valueOf(run.state());
        if (run.outcome() != null) {
            Outcome.valueOf(run.outcome());
        }
        Long cachedFrom = null;
        if (run.cachedFrom() != null) {
            cachedFrom = ids.get(run.cachedFrom());
            if (cachedFrom == null) {
                throw new StoreException("archive " + archive + " lacks run " + run.cachedFrom() + " that answered a cache hit");
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run (node, code_name, code_sha256, state, outcome, "
                + "cache_key, cached_from, threads, wall_limit_s, work_dir, pid, pid_start_ticks, exit_code, started, "
                + "finished, cancel_requested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, run.codeName());
            s.setBytes(3, Hex.sha256Bytes(run.codeSha256(), "code SHA-256"));
            s.setString(4, state.name());
            s.setString(5, run.outcome());
            s.setBytes(6, run.cacheKey() == null ? null : Hex.sha256Bytes(run.cacheKey(), "cache key"));
            setLong(s, 7, cachedFrom);
            s.setInt(8, run.threads());
            s.setLong(9, run.wallLimitSeconds());
            s.setString(10, run.workDir());
            s.setLong(11, run.pid());
            s.setLong(12, run.pidStartTicks());
            if (run.exitCode() == null) {
                s.setNull(13, Types.INTEGER);
            } else {
                s.setInt(13, run.exitCode());
            }
            setLong(s, 14, run.started());
            setLong(s, 15, run.finished());
            s.setBoolean(16, run.cancelRequested());
            s.executeUpdate();
        }
    }

    private static void insertResult(Connection c, long id, Manifest.ResultRow r) throws SQLException {
        RunRows.insertResult(c, id, new RunResult(r.system(), r.lattice(), r.mode(), r.ewidthRy(), r.converged(),
                r.iterations(), r.totalEnergyRy(), r.fermiEnergyRy(), r.totalMomentMuB(), r.latticeConstantBohr(),
                r.curieTemperatureK(), r.resistivityMicroOhmCm(), r.momentsJson()));
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }


}
