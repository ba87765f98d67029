package dev.k3slab.machine.vagrant;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshConfigParserTest {

    @Test
    void readsTheHostBlockOfTheReferenceSample() {
        var entries = SshConfigParser.parse(LabFixtures.recorded("ssh-config-default.reference.txt"));
        assertThat(entries).containsExactly(new SshConfigEntry("default", "127.0.0.1", "vagrant", 2222,
                "/home/u/proj/.vagrant/machines/default/virtualbox/private_key"));
        var endpoint = entries.get(0).toEndpoint("cp-1");
        assertThat(endpoint.node()).isEqualTo("cp-1");
        assertThat(endpoint.identityFile()).isEqualTo(Path.of("/home/u/proj/.vagrant/machines/default/virtualbox/private_key"));
    }

    @Test
    void aQuotedIdentityFileWithSpacesIsUnquoted() {
        var entries = SshConfigParser.parse("""
                Host cp-1
                  HostName 127.0.0.1
                  User vagrant
                  Port 2200
                  IdentityFile "/home/a b/lab/.vagrant/machines/cp-1/virtualbox/private_key"
                """);
        assertThat(entries.get(0).identityFile()).isEqualTo("/home/a b/lab/.vagrant/machines/cp-1/virtualbox/private_key");
        assertThat(entries.get(0).port()).isEqualTo(2200);
    }

    @Test
    void severalBlocksKeepTheirOrderAndTheFirstIdentityFileWins() {
        var entries = SshConfigParser.parse("""
                Host cp-1
                  HostName 127.0.0.1
                  User vagrant
                  Port 2222
                  IdentityFile /home/u/.vagrant.d/insecure_private_keys/vagrant.key.ed25519
                  IdentityFile /home/u/.vagrant.d/insecure_private_keys/vagrant.key.rsa

                Host cp-2
                  Include /etc/ssh/extra
                  hostname 127.0.0.1
                  user vagrant
                  port 2200
                  identityfile /k2
                """);
        assertThat(entries).extracting(SshConfigEntry::host).containsExactly("cp-1", "cp-2");
        assertThat(entries.get(0).identityFile()).endsWith("vagrant.key.ed25519");
        assertThat(entries.get(1).port()).isEqualTo(2200);
    }

    @Test
    void machineReadableOutputIsReadOnceFromItsRawText() {
        String text = "1,cp-2,ssh-config,Host cp-2\\n  HostName 127.0.0.1\\n  User vagrant\\n  Port 2200\\n  IdentityFile /k\\n\n"
                + "Host cp-2\n  HostName 127.0.0.1\n  User vagrant\n  Port 2200\n  IdentityFile /k\n\n";
        assertThat(SshConfigParser.parse(text)).hasSize(1);
    }

    @Test
    void aBlockWithoutPortIsRejectedQuotingItsHostLine() {
        assertThatThrownBy(() -> SshConfigParser.parse("\nHost cp-3\n  HostName 127.0.0.1\n  User vagrant\n  IdentityFile /k\n"))
                .isInstanceOf(VagrantFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("Host block 'cp-3' has no Port line")
                .hasMessageContaining("\"Host cp-3\"");
    }

    @Test
    void aPortThatIsNotANumberIsRejectedWithItsLine() {
        assertThatThrownBy(() -> SshConfigParser.parse("Host a\n  Port twenty\n"))
                .isInstanceOf(VagrantFormatException.class)
                .hasMessageContaining("line 2: Port is not a number: \"  Port twenty\"");
    }

    @Test
    void aLineBeforeTheFirstHostIsRejected() {
        assertThatThrownBy(() -> SshConfigParser.parse("The provider for this Vagrant-managed machine is reporting that it\n"))
                .isInstanceOf(VagrantFormatException.class)
                .hasMessageContaining("line 1: line before the first 'Host <name>' line");
    }
}
