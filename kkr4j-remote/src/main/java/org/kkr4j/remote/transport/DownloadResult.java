package org.kkr4j.remote.transport;

import java.util.List;

/**
 * What a download brought back.
 *
 * @param files     relative paths of the regular files written locally
 * @param missing   requested paths that did not exist remotely
 * @param bytes     total size of the files written
 */
public record DownloadResult(List<String> files, List<String> missing, long bytes) {
    public DownloadResult {
        files = List.copyOf(files);
        missing = List.copyOf(missing);
    }
}
