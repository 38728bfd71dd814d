package org.kkr4j.store.archive;

import org.kkr4j.store.sql.RunRows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kkr4j.store.ArchiveSummary;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Link;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.Node;
import org.kkr4j.store.NodeKind;
import org.kkr4j.store.NoSuchNodeException;
import org.kkr4j.store.StoreException;
import org.kkr4j.store.blob.PackBlobStore;
import org.kkr4j.store.db.Database;
import org.kkr4j.store.db.Hex;
import org.kkr4j.store.sql.Graph;
import org.kkr4j.store.sql.Json;
import org.kkr4j.store.sql.SqlStore;

/**
 * Writes runs with their whole history: every ancestor through incoming links (inputs, the runs that
 * created them, calling workflows, their inputs, ...), the outputs of every calculation included, the
 * runs that answered cache hits, the events of all those nodes, the codes they ran and every blob.
 * The archive is written under a temporary name and renamed at the end, so a failed export leaves
 * nothing at the target.
 */
public final class ArchiveExporter {
    private final Database db;
    private final Graph graph;
    private final PackBlobStore blobs;

    public ArchiveExporter(Database db, Graph graph, PackBlobStore blobs) {
        this.db = db;
        this.graph = graph;
        this.blobs = blobs;
    }

    public ArchiveSummary export(Collection<Long> runIds, Path target) {
        if (runIds.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no runs given");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !isEmptyDirectory(absolute)) {
            throw new StoreException("export target " + absolute + " already exists");
        }
        Manifest manifest = db.read("collecting runs for export", c -> collect(c, runIds));
        long blobBytes = manifest.blobs().stream().mapToLong(Manifest.BlobEntry::size).sum();
        try {
            Files.createDirectories(absolute.getParent());
            if (absolute.getFileName().toString().endsWith(".zip")) {
                writeZip(manifest, absolute);
            } else {
                writeDirectory(manifest, absolute);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the archive " + absolute + ": " + e, e);
        }
        int runs = (int) manifest.nodes().stream().filter(n -> n.run() != null).count();
        return new ArchiveSummary(runs, manifest.nodes().size(), manifest.links().size(), manifest.events().size(),
                manifest.blobs().size(), blobBytes);
    }

    private static boolean isEmptyDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private Manifest collect(Connection c, Collection<Long> runIds) throws SQLException {
        Map<Long, Node> included = new TreeMap<>();
        Deque<Long> todo = new ArrayDeque<>();
        List<String> asked = new ArrayList<>();
        for (long runId : new TreeSet<>(runIds)) {
            Manifest.RunRow run = runRow(c, runId, Map.of());
            if (run == null) {
                throw new NoSuchNodeException("a run", runId, db.description());
            }
            if (!run.state().equals("DONE")) {
                throw new StoreException("run " + runId + " is " + run.state() + ": only finished runs can be exported");
            }
            asked.add(graph.node(c, runId).uuid());
            todo.add(runId);
        }
        while (!todo.isEmpty()) {
            long id = todo.poll();
            if (included.containsKey(id)) {
                continue;
            }
            Node node = graph.node(c, id);
            included.put(id, node);
            for (Link link : graph.links(c, id, true)) {
                todo.add(link.sourceId());
            }
            if (node.kind() == NodeKind.CALCULATION) {
                for (Link link : graph.links(c, id, false)) {
                    if (link.type() == LinkType.CREATE) {
                        todo.add(link.targetId());
                    }
                }
                Long cachedFrom = cachedFrom(c, id);
                if (cachedFrom != null) {
                    todo.add(cachedFrom);
                }
            }
        }
        Map<Long, String> uuids = new LinkedHashMap<>();
        included.forEach((id, node) -> uuids.put(id, node.uuid()));

        List<Manifest.NodeEntry> nodes = new ArrayList<>();
        List<Manifest.LinkEntry> links = new ArrayList<>();
        Map<String, Manifest.BlobEntry> blobEntries = new TreeMap<>();
        Set<String> codeNames = new TreeSet<>();
        for (Node node : included.values()) {
            List<Manifest.FileRow> files = new ArrayList<>();
            for (FileEntry file : graph.files(c, node.id())) {
                files.add(new Manifest.FileRow(file.path(), file.blob().sha256(), file.blob().sizeBytes()));
                blobEntries.put(file.blob().sha256(), new Manifest.BlobEntry(file.blob().sha256(), file.blob().sizeBytes()));
            }
            Manifest.RunRow run = node.kind() == NodeKind.CALCULATION ? runRow(c, node.id(), uuids) : null;
            if (run != null) {
                codeNames.add(run.codeName());
            }
            nodes.add(new Manifest.NodeEntry(node.uuid(), Graph.kindName(node.kind()), node.type(), node.label(),
                    node.created().toEpochMilli(), node.attrsJson(), files, run, run == null ? null : resultRow(c, node.id())));
            for (Link link : graph.links(c, node.id(), false)) {
                if (included.containsKey(link.targetId())) {
                    links.add(new Manifest.LinkEntry(node.uuid(), uuids.get(link.targetId()), link.type().dbName(), link.label()));
                }
            }
        }
        List<Manifest.EventEntry> events = events(c, uuids);
        List<Manifest.CodeEntry> codes = new ArrayList<>();
        for (String name : codeNames) {
            try (PreparedStatement s = c.prepareStatement("SELECT name, path, version, sha256, helpers, registered, computer FROM code WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rows = s.executeQuery()) {
                    if (rows.next()) {
                        var code = SqlStore.code(rows);
                        codes.add(new Manifest.CodeEntry(code.name(), code.path(), code.version(), code.sha256(),
                                code.helpers(), code.registered().toEpochMilli()));
                    }
                }
            }
        }
        return new Manifest(Manifest.FORMAT, Manifest.VERSION, System.currentTimeMillis(), db.description(), asked,
                codes, nodes, links, events, new ArrayList<>(blobEntries.values()));
    }

    private static Long cachedFrom(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT cached_from FROM run WHERE node = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                long value = rows.getLong(1);
                return rows.wasNull() ? null : value;
            }
        }
    }

    private static Manifest.RunRow runRow(Connection c, long id, Map<Long, String> uuids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT code_name, code_sha256, state, outcome, cache_key, cached_from, "
                + "threads, wall_limit_s, work_dir, pid, pid_start_ticks, exit_code, started, finished, cancel_requested "
                + "FROM run WHERE node = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                Long cachedFrom = RunRows.lng(rows, 6);
                return new Manifest.RunRow(rows.getString(1), Hex.of(rows.getBytes(2)), rows.getString(3), rows.getString(4),
                        Hex.of(rows.getBytes(5)), cachedFrom == null ? null : uuids.get(cachedFrom), rows.getInt(7),
                        rows.getLong(8), rows.getString(9), rows.getLong(10), rows.getLong(11), RunRows.integer(rows, 12),
                        RunRows.lng(rows, 13), RunRows.lng(rows, 14), rows.getBoolean(15));
            }
        }
    }

    private static Manifest.ResultRow resultRow(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT system, lattice, mode, ewidth_ry, converged, iterations, "
                + "total_energy_ry, fermi_energy_ry, total_moment_mub, lattice_constant_bohr, tc_k, resistivity_uohm_cm, "
                + "moments_json FROM run_result WHERE node = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new Manifest.ResultRow(rows.getString(1), rows.getString(2), rows.getString(3), RunRows.dbl(rows, 4),
                        RunRows.bool(rows, 5), RunRows.integer(rows, 6), RunRows.dbl(rows, 7), RunRows.dbl(rows, 8), RunRows.dbl(rows, 9),
                        RunRows.dbl(rows, 10), RunRows.dbl(rows, 11), RunRows.dbl(rows, 12), rows.getString(13));
            }
        }
    }

    private static List<Manifest.EventEntry> events(Connection c, Map<Long, String> uuids) throws SQLException {
        record Seq(long seq, Manifest.EventEntry entry) {
        }
        List<Seq> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, ts, from_state, to_state, reason, detail FROM event WHERE node = ?")) {
            for (Map.Entry<Long, String> node : uuids.entrySet()) {
                s.setLong(1, node.getKey());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        all.add(new Seq(rows.getLong(1), new Manifest.EventEntry(node.getValue(), rows.getLong(2),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6))));
                    }
                }
            }
        }
        all.sort(Comparator.comparingLong(Seq::seq));
        return all.stream().map(Seq::entry).toList();
    }

    private void writeZip(Manifest manifest, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temporary))) {
                zip.putNextEntry(new ZipEntry(Manifest.FILE_NAME));
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(nonClosing(zip), manifest);
                zip.closeEntry();
                for (Manifest.BlobEntry blob : manifest.blobs()) {
                    zip.putNextEntry(new ZipEntry(Manifest.BLOB_PREFIX + blob.sha256()));
                    try (InputStream in = blobs.open(blob.sha256())) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeDirectory(Manifest manifest, Path target) throws IOException {
        Path temporary = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".part");
        try {
            Path blobDir = Files.createDirectories(temporary.resolve(Manifest.BLOB_PREFIX));
            for (Manifest.BlobEntry blob : manifest.blobs()) {
                try (InputStream in = blobs.open(blob.sha256())) {
                    Files.copy(in, blobDir.resolve(blob.sha256()));
                }
            }
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.resolve(Manifest.FILE_NAME).toFile(), manifest);
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("export target " + target + " appeared while exporting", e);
        } finally {
            deleteTree(temporary);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
