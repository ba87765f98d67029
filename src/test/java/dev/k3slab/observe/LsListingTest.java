package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** How {@code ls -al} lines are read, and how unreadable ones are reported. */
class LsListingTest {

    @Test
    void isoTimesDevicesAndAclMarksAreRead() {
        String text = """
                total 8
                drwx------+ 2 root root 4096 2026-02-22 05:07 member
                crw-rw-rw-  1 root root 1, 3 2026-02-22 04:51:00.123456789 +0000 null
                -rw-r--r--. 1 1000 1000   13 Feb  2  2025 name
                """;
        assertThat(Parsers.ls(text)).containsExactly(new LsEntry("member", "directory", "drwx------+", 4096),
                new LsEntry("null", "other", "crw-rw-rw-", 0), new LsEntry("name", "file", "-rw-r--r--.", 13));
    }

    @Test
    void aLineThatIsNotAnLsEntryIsRejectedWithItsNumberAndTheFormat() {
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> Parsers.ls("total 4\n-rw-r--r-- 1 root root 13 Feb 22 04:51 name\nname\n"));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.format()).startsWith("ls -al");
        assertThatThrownBy(() -> Parsers.ls("-rw-r--r-- 1 root root big Feb 22 04:51 name\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("size 'big'");
        assertThatThrownBy(() -> Parsers.ls("-rw-r--r-- 1 root root 13 Feb 22 yesterday name\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("expected a date");
        assertThatThrownBy(() -> Parsers.ls("-rw-r--r-- 1 root root 13 Feb 22 04:51 \n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("no file name after the date");
        assertThatThrownBy(() -> Parsers.ls("ls: cannot open directory '/root': Permission denied\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("ls reported an error");
    }

    @Test
    void missingFoldersAreRecognisedInBothGnuSpellings() {
        assertThat(Parsers.lsMissing("ls: cannot access '/var/lib/rancher/k3s': No such file or directory\n")).isTrue();
        assertThat(Parsers.lsMissing("ls: cannot access /var/lib/rancher/k3s: No such file or directory\n")).isTrue();
        assertThat(Parsers.lsMissing("ls: cannot open directory '/root': Permission denied\n")).isFalse();
    }
}
