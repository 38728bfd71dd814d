package org.kkr4j.store;

import java.util.List;

/**
 * Everything needed to create a run. The card and the input files must already be in the blob store.
 *
 * @param codeName          registered code
 * @param codeSha256        its executable hash now
 * @param card              the exact card bytes fed on stdin (staged as {@code inputcard})
 * @param inputs            input files with the data node each comes from ({@code sourceNodeId} null: a new data node is created)
 * @param cacheKey          see {@link Run#cacheKey()}
 * @param threads           OMP_NUM_THREADS
 * @param wallLimitSeconds  0 for none
 * @param label             free text
 * @param workflowId        calling workflow node, or null
 */
public record RunSubmission(String codeName, String codeSha256, BlobRef card, List<InputFile> inputs, String cacheKey,
                            int threads, long wallLimitSeconds, String label, Long workflowId) {

    public RunSubmission {
        inputs = List.copyOf(inputs);
    }

    /** An input file staged at {@code path}; {@code sourceNodeId} is the data node that holds it (e.g. a previous run's output). */
    public record InputFile(String path, BlobRef blob, Long sourceNodeId) {
    }
}
