[#ftl]
[#-- The Vagrantfile of the lab, rendered by VagrantfileRenderer from a validated topology.
     Square-bracket syntax on purpose: [=x] interpolates and [#...] are directives, so Ruby's
     #{...} and the shell's ${...} below are plain text, never FreeMarker. Every value comes in as
     rb(x) writes x as a Ruby string literal, quoted and escaped. --]
# -*- mode: ruby -*-
# vi: set ft=ruby :
# =============================================================
# GENERATED FILE: do not edit it by hand.
# Rendered from [=source] by `[=regenerate]`.
# To change the lab, edit [=source] and run that command again;
# with --check it tells whether this file is current.
#
# K3s split-brain lab
# K3s version: [=k3sVersion] (installed by the experiments, not here)
# Base box: [=box]
# =============================================================

K3S_VERSION = [=rb(k3sVersion)]
ETCD_VERSION = [=rb(etcdctlVersion)]
BOX_IMAGE = [=rb(box)]
NETWORK_PREFIX = [=rb(networkPrefix)]
VM_NAME_PREFIX = [=rb(vmNamePrefix)]

# ── Nodes ─────────────────────────────────────────────────
NODES = [
[#list nodes as n]
  { name: [=rb(n.name)], ip: "#{NETWORK_PREFIX}.[=n.hostNumber]", role: [=rb(n.role)], cpus: [=n.cpus], memory: [=n.memory] },
[/#list]
]

# Every node's "IP name" line, for /etc/hosts on every node
HOSTS_ENTRIES = NODES.map { |n| "#{n[:ip]} #{n[:name]}" }.join("\n")
HOSTS_MARKER = "# ---- k3s split-brain lab ----"

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

      # ── Common provisioning (every node) ────────────────
      # K3s itself is not installed here: each experiment installs it with its own flags.
      vm_config.vm.provision "shell", name: "common", inline: <<~SHELL
        set -euo pipefail

        # Every node knows every other by name, written once under the marker line.
        # The guard looks for the marker itself: the source grepped for "cp-1", which
        # is already in /etc/hosts on cp-1 (Vagrant maps the hostname to 127.0.x.1
        # before provisioning), so cp-1 never got the block.
        grep -qxF "#{HOSTS_MARKER}" /etc/hosts || cat >> /etc/hosts <<'EOF'
        #{HOSTS_MARKER}
        #{HOSTS_ENTRIES}
        EOF

        # Basic tools
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq curl jq net-tools > /dev/null

        # Download the K3s install script (do not run it: the experiments do)
        curl -sfL https://get.k3s.io -o /usr/local/bin/k3s-install.sh
        chmod +x /usr/local/bin/k3s-install.sh

        # etcdctl, for looking into etcd on the servers, for this VM's architecture
        if [ ! -f /usr/local/bin/etcdctl ]; then
          ETCD_VER="#{ETCD_VERSION}"
          ARCH=$(dpkg --print-architecture)
          curl -sL "https://github.com/etcd-io/etcd/releases/download/${ETCD_VER}/etcd-${ETCD_VER}-linux-${ARCH}.tar.gz" \
            | tar xz --strip-components=1 -C /usr/local/bin/ "etcd-${ETCD_VER}-linux-${ARCH}/etcdctl"
        fi

        echo "[✓] Common provisioning done on $(hostname)"
      SHELL
    end
  end
end
