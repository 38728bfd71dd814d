package org.kkr4j.remote.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void wordsAreSingleQuotedWithEmbeddedQuotesEscaped() {
        assertThat(ShellWords.join(List.of("echo", "it's", "$x", ""))).isEqualTo("'echo' 'it'\\''s' '$x' ''");
    }

    @Test
    void lineBreaksAndNulAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> ShellWords.join(List.of("echo", "a\nb")))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("argument 1").hasMessageContaining("a\\nb");
        assertThatThrownBy(() -> ShellWords.join(List.of("echo", "a\rb"))).isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> ShellWords.join(List.of("a\0"))).hasMessageContaining("NUL");
        assertThatThrownBy(() -> ShellWords.join(List.of()))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void homeRelativePathsExpandAndOthersStayLiteral() {
        assertThat(ShellWords.path("~/runs/a b")).isEqualTo("\"$HOME\"/'runs/a b'");
        assertThat(ShellWords.path("~")).isEqualTo("\"$HOME\"");
        assertThat(ShellWords.path("~user/x")).isEqualTo("'~user/x'");
        assertThat(ShellWords.path("/abs/$x")).isEqualTo("'/abs/$x'");
        assertThatThrownBy(() -> ShellWords.path("-rf")).isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> ShellWords.path("")).isInstanceOf(UnsafeArgumentException.class);
    }

    @Test
    void relativeTransferPathsAreNormalisedAndConfined() {
        assertThat(RemotePaths.relative("./a//b/", "p")).isEqualTo("a/b");
        assertThatThrownBy(() -> RemotePaths.relative("a/../../b", "p")).hasMessageContaining("..");
        assertThatThrownBy(() -> RemotePaths.relative("/etc/passwd", "p")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> RemotePaths.relative(".", "p")).hasMessageContaining("root itself");
        assertThatThrownBy(() -> RemotePaths.relative("a\\b", "p")).hasMessageContaining("backslash");
    }

    @Test
    void removeTreeRefusesDangerousTargets() {
        for (String bad : List.of("/", "//", "~", "~/", ".", "..", "/home", "/home/", "a/../..", "-rf")) {
            assertThatThrownBy(() -> RemotePaths.removable(bad)).as(bad).isInstanceOf(UnsafeArgumentException.class);
        }
        assertThat(RemotePaths.removable("/work/u/runs/r1")).isEqualTo("/work/u/runs/r1");
        assertThat(RemotePaths.removable("~/kkr4j/r1")).isEqualTo("~/kkr4j/r1");
    }
}
