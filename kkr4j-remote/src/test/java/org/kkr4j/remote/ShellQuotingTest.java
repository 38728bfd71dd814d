package org.kkr4j.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {
    static final List<String> NASTY = List.of("plain", "with space", "it's", "\"double\"", "$HOME", "$(id)",
            "`id`", "a;rm -rf /tmp/x", "a && b", "back\\slash", "*", "~", "", "'", "''", "tab\there",
            "ü日本", "--option=value", "-n", "%j %%", "!event");

    /** What a real shell makes of the quoted text is exactly the original vector. */
    @Test
    void bashReadsBackEveryArgumentUnchanged() throws Exception {
        String line = "printf '%s\\0' " + ShellQuoting.join(NASTY);
        CommandResult r = new LocalCommandRunner().run(List.of("bash", "-c", line), Duration.ofSeconds(10));
        assertThat(r.exitCode()).isZero();
        List<String> back = new ArrayList<>(List.of(r.stdout().split("\0", -1)));
        back.remove(back.size() - 1); // after the last NUL
        assertThat(back).containsExactlyElementsOf(NASTY);
    }

    @Test
    void dashReadsBackToo() throws Exception {
        String line = "printf '%s\\n' " + ShellQuoting.join(NASTY.subList(0, 12));
        CommandResult r = new LocalCommandRunner().run(List.of("sh", "-c", line), Duration.ofSeconds(10));
        assertThat(r.stdout()).isEqualTo(String.join("\n", NASTY.subList(0, 12)) + "\n");
    }

    @Test
    void everythingIsSingleQuoted() {
        assertThat(ShellQuoting.quote("abc")).isEqualTo("'abc'");
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
    }

    @Test
    void lineBreaksAndNulAreRejectedWithWhatAndWhere() {
        assertThatThrownBy(() -> ShellQuoting.join(List.of("ok", "bad\nline")))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessageContaining("argument 1").hasMessageContaining("bad\\nline")
                .hasMessageContaining("line break at index 3");
        assertThatThrownBy(() -> ShellQuoting.quote("run directory", "/a\rb"))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("run directory");
        assertThatThrownBy(() -> ShellQuoting.quote("x\0y"))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("NUL at index 1");
    }
}
