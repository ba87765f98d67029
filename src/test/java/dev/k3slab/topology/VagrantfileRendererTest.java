package dev.k3slab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the rendered Vagrantfile says, read as text (VagrantfileMeaningTest has Ruby read it). */
class VagrantfileRendererTest {
    private static final Path HOME = TopologyLoaderTest.HOME;
    private static final Pattern NODE_LINE = Pattern.compile(
            "  \\{ name: \"([^\"]*)\", ip: \"#\\{NETWORK_PREFIX}\\.(\\d+)\", role: \"(server|agent)\", cpus: (\\d+), memory: (\\d+) },");

    private static String renderDefault() {
        return VagrantfileRenderer.render(TopologyLoader.load(HOME.resolve(LabHome.TOPOLOGY)), LabHome.TOPOLOGY);
    }

    @Test
    void theDefaultLabRendersExactlyTheGoldenVagrantfile() throws IOException {
        String golden = Files.readString(Path.of("src/test/resources/topology/Vagrantfile.default.golden"),
                StandardCharsets.UTF_8);

        assertThat(renderDefault()).isEqualTo(golden);
    }

    @Test
    void theCommittedVagrantfileIsWhatTheCommittedTopologyRenders() throws IOException {
        assertThat(Files.readString(HOME.resolve(LabHome.VAGRANTFILE), StandardCharsets.UTF_8))
                .as("vagrant/Vagrantfile is stale: run ./lab vagrantfile and commit it")
                .isEqualTo(renderDefault());
    }

    @Test
    void theHeaderSaysTheFileIsGeneratedAndHowToRegenerateIt() {
        assertThat(renderDefault().lines().limit(12).toList()).contains(
                "# GENERATED FILE: do not edit it by hand.",
                "# Rendered from vagrant/topology.yaml by `./lab vagrantfile`.",
                "# To change the lab, edit vagrant/topology.yaml and run that command again;");
        Topology other = TopologyLoader.load(TopologyLoaderTest.resource("five-servers-one-agent.yaml"));
        assertThat(VagrantfileRenderer.render(other, "labs/57.yaml"))
                .contains("# Rendered from labs/57.yaml by `./lab vagrantfile --topology labs/57.yaml`.");
    }

    @Test
    void theDefaultLabDeclaresTheSourceMachines() {
        String vagrantfile = renderDefault();

        assertThat(constant(vagrantfile, "BOX_IMAGE")).isEqualTo("bento/ubuntu-22.04");
        assertThat(constant(vagrantfile, "NETWORK_PREFIX")).isEqualTo("192.168.56");
        assertThat(constant(vagrantfile, "VM_NAME_PREFIX")).isEqualTo("k3s-splitbrain-");
        assertThat(constant(vagrantfile, "K3S_VERSION")).isEqualTo("v1.27.9+k3s1");
        assertThat(constant(vagrantfile, "ETCD_VERSION")).isEqualTo("v3.5.11");
        assertThat(nodes(vagrantfile)).containsExactly(
                "cp-1 .11 server 2 2048", "cp-2 .12 server 2 2048", "cp-3 .13 server 2 2048",
                "w-1 .21 agent 2 2048", "w-2 .22 agent 2 2048");
        assertEveryMachineIsConfiguredFromItsNode(vagrantfile);
        assertTheCommonProvisioner(vagrantfile);
    }

    @Test
    void anotherTopologyRendersItsOwnMachinesWithTheSameMachineryAndProvisioner() {
        Topology lab = TopologyLoader.load(TopologyLoaderTest.resource("five-servers-one-agent.yaml"));

        String vagrantfile = VagrantfileRenderer.render(lab, "five-servers-one-agent.yaml");

        assertThat(constant(vagrantfile, "BOX_IMAGE")).isEqualTo("bento/ubuntu-24.04");
        assertThat(constant(vagrantfile, "NETWORK_PREFIX")).isEqualTo("192.168.57");
        assertThat(constant(vagrantfile, "VM_NAME_PREFIX")).isEqualTo("lab57-");
        assertThat(constant(vagrantfile, "K3S_VERSION")).isEqualTo("v1.28.5+k3s1");
        assertThat(constant(vagrantfile, "ETCD_VERSION")).isEqualTo("v3.5.9");
        assertThat(nodes(vagrantfile)).containsExactly(
                "s-1 .101 server 2 1024", "s-2 .102 server 1 1536", "s-3 .103 server 4 4096",
                "s-4 .104 server 2 2048", "s-5 .105 server 2 3072", "a-1 .2 agent 1 512");
        assertEveryMachineIsConfiguredFromItsNode(vagrantfile);
        assertTheCommonProvisioner(vagrantfile);
    }

    @Test
    void valuesAreRubyStringLiteralsThatCannotInjectRuby() {
        Topology hostile = new Topology("evil\"box#{`id`}\\", "192.168.56", "v1.27.9+k3s1", "v3.5.11", "p-",
                List.of(new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048)));

        assertThat(constantLine(VagrantfileRenderer.render(hostile, "x.yaml"), "BOX_IMAGE"))
                .isEqualTo("BOX_IMAGE = \"evil\\\"box\\#{`id`}\\\\\"");
    }

    @Test
    void numbersAreWrittenWithoutGroupingWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Topology big = new Topology("b/x", "192.168.56", "v1.27.9+k3s1", "v3.5.11", "p-",
                    List.of(new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 16384)));

            assertThat(VagrantfileRenderer.render(big, "x.yaml")).contains("cpus: 2, memory: 16384 }");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    private static void assertEveryMachineIsConfiguredFromItsNode(String vagrantfile) {
        assertThat(vagrantfile).contains("""
                Vagrant.configure("2") do |config|
                  NODES.each do |node|
                    config.vm.define node[:name] do |vm_config|
                      vm_config.vm.box = BOX_IMAGE
                      vm_config.vm.hostname = node[:name]
                      vm_config.vm.network "private_network", ip: node[:ip] # VirtualBox host-only network

                      vm_config.vm.provider "virtualbox" do |vb|
                        vb.name = "#{VM_NAME_PREFIX}#{node[:name]}"
                        vb.cpus = node[:cpus]
                        vb.memory = node[:memory]
                        vb.linked_clone = true
                      end
                """);
        assertThat(vagrantfile).contains("HOSTS_ENTRIES = NODES.map { |n| \"#{n[:ip]} #{n[:name]}\" }.join(\"\\n\")");
    }

    /** The commands of the common provisioner, in order, comments and blank lines left out. */
    private static void assertTheCommonProvisioner(String vagrantfile) {
        int start = vagrantfile.indexOf("vm_config.vm.provision \"shell\", name: \"common\", inline: <<~SHELL\n");
        int end = vagrantfile.indexOf("\n      SHELL\n", start);
        assertThat(start).as("the common shell provisioner").isPositive();
        List<String> commands = vagrantfile.substring(start, end).lines().skip(1).map(String::strip)
                .filter(l -> !l.isEmpty() && !(l.startsWith("# ") && !l.startsWith("# ----"))).toList();

        assertThat(commands).containsExactly(
                "set -euo pipefail",
                "grep -qxF \"#{HOSTS_MARKER}\" /etc/hosts || cat >> /etc/hosts <<'EOF'",
                "#{HOSTS_MARKER}",
                "#{HOSTS_ENTRIES}",
                "EOF",
                "export DEBIAN_FRONTEND=noninteractive",
                "apt-get update -qq",
                "apt-get install -y -qq curl jq net-tools > /dev/null",
                "curl -sfL https://get.k3s.io -o /usr/local/bin/k3s-install.sh",
                "chmod +x /usr/local/bin/k3s-install.sh",
                "if [ ! -f /usr/local/bin/etcdctl ]; then",
                "ETCD_VER=\"#{ETCD_VERSION}\"",
                "ARCH=$(dpkg --print-architecture)",
                "curl -sL \"https://github.com/etcd-io/etcd/releases/download/${ETCD_VER}/etcd-${ETCD_VER}-linux-${ARCH}.tar.gz\" \\",
                "| tar xz --strip-components=1 -C /usr/local/bin/ \"etcd-${ETCD_VER}-linux-${ARCH}/etcdctl\"",
                "fi",
                "echo \"[✓] Common provisioning done on $(hostname)\"");
        assertThat(constant(vagrantfile, "HOSTS_MARKER")).isEqualTo("# ---- k3s split-brain lab ----");
    }

    private static String constant(String vagrantfile, String name) {
        String line = constantLine(vagrantfile, name);
        return line.substring(line.indexOf("= \"") + 3, line.length() - 1);
    }

    private static String constantLine(String vagrantfile, String name) {
        return vagrantfile.lines().filter(l -> l.startsWith(name + " = ")).findFirst()
                .orElseThrow(() -> new AssertionError("no constant " + name));
    }

    /** Each NODES entry as "name .host role cpus memory". */
    private static List<String> nodes(String vagrantfile) {
        List<String> nodes = new ArrayList<>();
        String block = vagrantfile.substring(vagrantfile.indexOf("NODES = [\n"), vagrantfile.indexOf("\n]\n"));
        for (String line : block.lines().skip(1).toList()) {
            Matcher m = NODE_LINE.matcher(line);
            assertThat(m.matches()).as("NODES entry '%s'", line).isTrue();
            nodes.add(m.group(1) + " ." + m.group(2) + " " + m.group(3) + " " + m.group(4) + " " + m.group(5));
        }
        return nodes;
    }
}
