package org.kkr4j.store.archive;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of an export archive. Nodes are named by uuid (ids are store-local); times are
 * epoch milliseconds; digests lower-case hex. Blobs are the entries {@code blobs/<sha256>} beside it,
 * uncompressed in a directory archive, deflated by zip in a zip archive.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion {@value #VERSION} for this layout; readers refuse newer versions
 * @param created       epoch milliseconds of the export
 * @param source        the store it came from (file or URL without password), for humans
 * @param runs          uuids of the runs asked for (the rest are their ancestors)
 */
public record Manifest(String format, int formatVersion, long created, String source, List<String> runs,
                       List<CodeEntry> codes, List<NodeEntry> nodes, List<LinkEntry> links, List<EventEntry> events,
                       List<BlobEntry> blobs) {

    public static final String FORMAT = "kkr4j-archive";
    public static final int VERSION = 1;
    public static final String FILE_NAME = "manifest.json";
    public static final String BLOB_PREFIX = "blobs/";

    public record CodeEntry(String name, String path, String version, String sha256, Map<String, String> helpers,
                            long registered) {
    }

    /** A node with what hangs on it: files, and for a calculation its run and result rows. */
    public record NodeEntry(String uuid, String kind, String type, String label, long created, String attrs,
                            List<FileRow> files, RunRow run, ResultRow result) {
    }

    public record FileRow(String path, String sha256, long size) {
    }

    public record RunRow(String codeName, String codeSha256, String state, String outcome, String cacheKey,
                         String cachedFrom, int threads, long wallLimitSeconds, String workDir, long pid,
                         long pidStartTicks, Integer exitCode, Long started, Long finished, boolean cancelRequested) {
    }

    public record ResultRow(String system, String lattice, String mode, Double ewidthRy, Boolean converged,
                            Integer iterations, Double totalEnergyRy, Double fermiEnergyRy, Double totalMomentMuB,
                            Double latticeConstantBohr, Double curieTemperatureK, Double resistivityMicroOhmCm,
                            String momentsJson) {
    }

    public record LinkEntry(String source, String target, String type, String label) {
    }

    /** Events in their original order (the exporting store's sequence). */
    public record EventEntry(String node, long time, String from, String to, String reason, String detail) {
    }

    public record BlobEntry(String sha256, long size) {
    }
}
