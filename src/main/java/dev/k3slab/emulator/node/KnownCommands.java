package dev.k3slab.emulator.node;

import java.util.Set;

/**
 * Commands a real Ubuntu 22.04 lab VM has that the emulated node does not model: calling one is
 * refused loudly ({@code not modelled by the emulated lab: ...}) instead of the "not found" of a
 * command the box really lacks.
 */
final class KnownCommands {
    private KnownCommands() {
    }

    static final Set<String> UNMODELLED = Set.of(
            // shell builtins of dash/bash the interpreter leaves out
            "trap", "umask", "ulimit", "alias", "unalias", "read", "shift", "getopts", "type", "hash", "readonly",
            "local", "return", "times", "jobs", "fg", "bg", "history", "declare", "typeset", "let", "shopt",
            // tools on the bento/ubuntu-22.04 box and the lab's provisioning
            "apt", "apt-get", "dpkg-query", "snap", "tar", "gzip", "gunzip", "zcat", "unzip", "jq", "awk", "mawk",
            "gawk", "cut", "sort", "uniq", "tr", "xargs", "find", "diff", "cmp", "comm", "paste", "join", "split",
            "rev", "tac", "nl", "od", "xxd", "hexdump", "base64", "md5sum", "sha1sum", "sha256sum", "sha512sum",
            "mktemp", "install", "df", "du", "free", "uptime", "lsblk",
            "mount", "umount", "findmnt", "ip", "ifconfig", "netstat", "ss", "route", "ping", "nc", "telnet",
            "dig", "nslookup", "host", "wget", "ssh", "scp", "sftp", "rsync", "iptables", "ip6tables",
            "nft", "modprobe", "lsmod", "sysctl", "systemd-run", "loginctl", "timedatectl", "hostnamectl",
            "resolvectl", "networkctl", "dmesg", "logger", "lsof", "fuser", "strace", "top", "htop", "watch",
            "timeout", "time", "nice", "nproc", "lscpu", "python3", "perl", "openssl", "file", "chown", "chgrp",
            "sync", "seq", "yes", "expr", "bc", "useradd", "usermod", "groups", "who", "w",
            "last", "crontab", "at", "tmux", "screen", "git", "make", "gcc", "kubeadm", "helm", "etcd",
            "containerd", "runc", "k3s-server", "init", "telinit");

    static final Set<String> INTERACTIVE = Set.of("vi", "vim", "vim.basic", "view", "nano", "pico", "emacs", "ed",
            "less", "more", "most", "su", "login", "passwd", "visudo", "mc");
}
