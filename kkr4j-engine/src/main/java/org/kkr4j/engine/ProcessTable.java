package org.kkr4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the operating system says about a process. A pid alone is not an identity (pids are reused),
 * so a process is named by its pid and its start time in clock ticks since boot (field 22 of
 * {@code /proc/PID/stat}).
 */
public final class ProcessTable {
    private ProcessTable() {
    }

    /** Start time of {@code pid} in clock ticks since boot, or 0 when it does not exist or /proc is missing. */
    public static long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may contain spaces and parentheses: count fields after the last ')'
            String rest = stat.substring(stat.lastIndexOf(')') + 2);
            String[] fields = rest.split(" ");
            // rest starts at field 3; field 22 is index 19
            return Long.parseLong(fields[19]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The live process with this pid and start time, if it is still the same process. */
    public static Optional<ProcessHandle> find(long pid, long startTicks) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        if (startTicks != 0) {
            long now = startTicks(pid);
            if (now != 0 && now != startTicks) {
                return Optional.empty();
            }
        }
        if (isZombie(pid)) {
            return Optional.empty();
        }
        return handle;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Signals the process's descendants (specx and anything it started) and not the process itself: the
     * wrapper shell survives, sees the signal in the exit status of specx and records it.
     */
    public static int terminateDescendants(ProcessHandle wrapper, boolean forcibly) {
        List<ProcessHandle> descendants = wrapper.descendants().toList();
        for (ProcessHandle child : descendants) {
            if (forcibly) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
        }
        return descendants.size();
    }
}
