package org.kkr4j.remote.scheduler;

import java.util.List;

/**
 * One run inside a packed job: its own run directory and command lines. Its task script
 * ({@link PackedJob#taskScript}) lives in {@code <runDirectory>/.kkr4j/task.sh} and writes that run's own
 * start, exit and end files, exactly as a job script does for a single run.
 */
public record PackTask(String runId, String runDirectory, List<String> commandLines) {
    public PackTask {
        JobSpec.checkRunId(runId);
        JobSpec.checkDirectory("runDirectory of task " + runId, runDirectory);
        commandLines = List.copyOf(commandLines);
        if (commandLines.isEmpty()) {
            throw new InvalidJobSpecException("commandLines of task " + runId, "no command to run");
        }
        commandLines.forEach(l -> JobSpec.checkCommandLine("commandLines of task " + runId, l));
    }
}
