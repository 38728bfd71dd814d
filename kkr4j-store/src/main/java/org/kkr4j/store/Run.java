package org.kkr4j.store;

import java.time.Instant;

/**
 * A calculation node's run record.
 *
 * @param nodeId              the calculation node
 * @param uuid                the node's uuid
 * @param codeName            registered code it runs with
 * @param codeSha256          executable hash at submission
 * @param state               life-cycle state
 * @param outcome             set when {@link RunState#DONE}
 * @param cacheKey            SHA-256 over code hash, canonical card and input-file hashes
 * @param cachedFrom          node id of the run that answered this one from the cache, or null
 * @param threads             OMP_NUM_THREADS
 * @param wallLimitSeconds    wall-clock limit, 0 for none
 * @param workDir             staged work directory (absolute), null until LAUNCHING
 * @param pid                 process id of the launched wrapper, 0 when not running
 * @param pidStartTicks       start time of that process (clock ticks since boot, /proc/PID/stat field 22), tells a reused pid apart
 * @param exitCode            exit status, null when none was observed
 * @param submitted           when submitted
 * @param started             when the process started, or null
 * @param finished            when it reached DONE, or null
 * @param cancelRequested     the user asked to cancel
 * @param label               free text
 * @param result              typed results (never null; {@link RunResult#EMPTY} before DONE)
 */
public record Run(long nodeId, String uuid, String codeName, String codeSha256, RunState state, Outcome outcome,
                  String cacheKey, Long cachedFrom, int threads, long wallLimitSeconds, String workDir, long pid,
                  long pidStartTicks, Integer exitCode, Instant submitted, Instant started, Instant finished,
                  boolean cancelRequested, String label, RunResult result) {
}
