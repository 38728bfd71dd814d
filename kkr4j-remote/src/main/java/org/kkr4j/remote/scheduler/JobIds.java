package org.kkr4j.remote.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Job ids as a scheduler writes them: checked before they go into a command, never passed through unchecked. */
final class JobIds {
    private JobIds() {
    }

    static void require(Collection<String> ids, Pattern form, String scheduler) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no job ids");
        }
        for (String id : ids) {
            if (!form.matcher(id).matches()) {
                throw new IllegalArgumentException("\"" + id + "\" is not a " + scheduler + " job id");
            }
        }
    }

    /** {@code program ids...} after checking every id. */
    static List<String> command(String program, Collection<String> ids, Pattern form, String scheduler) {
        require(ids, form, scheduler);
        List<String> argv = new ArrayList<>(List.of(program));
        argv.addAll(ids);
        return argv;
    }
}
