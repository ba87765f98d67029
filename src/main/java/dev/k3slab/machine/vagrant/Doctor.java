package dev.k3slab.machine.vagrant;

import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that this machine can run the real lab before anything is started: Vagrant and VirtualBox
 * present in versions that work together, the host-only range allowed, enough free memory and disk
 * for the topology, the box present. Every check gives one line, OK or FAIL with the fix.
 */
public final class Doctor {

    /** Memory left to the host on top of the VMs'. */
    static final long MEMORY_MARGIN_MB = 1024;
    /** Disk per VM (a linked clone grows by the K3s binaries, images and etcd data) plus the box itself. */
    static final long DISK_PER_VM_MB = 3 * 1024;
    static final long DISK_FOR_BOX_MB = 2 * 1024;
    static final String EMULATED_HINT = "without VirtualBox, run the emulated lab: ./lab run";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    /** The oldest Vagrant known to drive each VirtualBox line (Vagrant's changelog and driver map). */
    private static final Map<String, String> MIN_VAGRANT_FOR_VBOX = Map.of("7.0", "2.3.4", "7.1", "2.4.2", "7.2", "2.4.9");

    /**
     * One check.
     *
     * @param name   what was checked, e.g. {@code vagrant}
     * @param ok     whether it passed
     * @param detail what was found
     * @param fix    what to do when it failed; empty when it passed
     */
    public record Check(String name, boolean ok, String detail, String fix) {
        /** {@code OK   name: detail} or {@code FAIL name: detail -> fix}. */
        public String line() {
            return ok ? "OK   " + name + ": " + detail : "FAIL " + name + ": " + detail + " -> " + fix;
        }
    }

    private final Topology topology;
    private final DoctorSetup setup;
    private final ProcessRunner runner;

    public Doctor(Topology topology, DoctorSetup setup) {
        this.topology = topology;
        this.setup = setup;
        this.runner = new ProcessRunner(setup.home(), Map.of("VAGRANT_NO_COLOR", "1", "VAGRANT_CHECKPOINT_DISABLE", "1"));
    }

    /** Runs every check, in a fixed order. */
    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        Optional<String> vagrantVersion = version(setup.vagrant(), "--version");
        Optional<String> vboxOutput = setup.vboxManage().flatMap(p -> output(p, "--version"));
        Optional<String> vboxVersion = vboxOutput.flatMap(Doctor::lastVersion);
        checks.add(vagrantCheck(vagrantVersion));
        checks.add(virtualBoxCheck(vboxOutput, vboxVersion));
        if (vagrantVersion.isPresent() && vboxVersion.isPresent()) {
            checks.add(compatibilityCheck(vagrantVersion.get(), vboxVersion.get()));
        }
        checks.add(hostOnlyCheck(vboxVersion));
        checks.add(memoryCheck());
        checks.add(diskCheck());
        checks.add(boxCheck(vagrantVersion.isPresent()));
        return checks;
    }

    public static boolean allOk(List<Check> checks) {
        return checks.stream().allMatch(Check::ok);
    }

    private Check vagrantCheck(Optional<String> version) {
        if (setup.vagrant().isEmpty()) {
            return new Check("vagrant", false, "not found on " + Executables.VAGRANT.whereLooked(),
                    "install Vagrant 2.4.2 or newer; " + EMULATED_HINT);
        }
        return version.map(v -> new Check("vagrant", true, "Vagrant " + v + " (" + setup.vagrant().get() + ")", ""))
                .orElseGet(() -> new Check("vagrant", false, "'" + setup.vagrant().get() + " --version' printed no version",
                        "check that this is Vagrant and that it runs: " + setup.vagrant().get() + " --version"));
    }

    private Check virtualBoxCheck(Optional<String> output, Optional<String> version) {
        if (setup.vboxManage().isEmpty()) {
            return new Check("VirtualBox", false, "VBoxManage not found on " + Executables.VBOXMANAGE.whereLooked(),
                    "install VirtualBox 7.0 or 7.1 with its VBoxManage on the PATH; " + EMULATED_HINT);
        }
        String text = output.orElse("");
        if (text.contains("kernel module is not loaded")) {
            return new Check("VirtualBox", false, "VBoxManage says its vboxdrv kernel module is not loaded",
                    "run 'sudo /sbin/vboxconfig' (install the kernel headers first); " + EMULATED_HINT);
        }
        return version.map(v -> new Check("VirtualBox", true, "VirtualBox " + v + " (" + setup.vboxManage().get() + ")", ""))
                .orElseGet(() -> new Check("VirtualBox", false, "'VBoxManage --version' printed no version: " + text.strip(),
                        "reinstall VirtualBox; " + EMULATED_HINT));
    }

    private Check compatibilityCheck(String vagrant, String vbox) {
        Matcher m = VERSION.matcher(vbox);
        m.find();
        String line = m.group(1) + "." + m.group(2);
        String min = MIN_VAGRANT_FOR_VBOX.get(line);
        if (min == null) {
            return new Check("versions", true, "VirtualBox " + line + " is not in this harness's table; Vagrant "
                    + vagrant + " will refuse it at 'up' if it does not support it", "");
        }
        if (compare(vagrant, min) < 0) {
            return new Check("versions", false, "Vagrant " + vagrant + " cannot drive VirtualBox " + line,
                    "upgrade Vagrant to " + min + " or newer");
        }
        return new Check("versions", true, "Vagrant " + vagrant + " supports VirtualBox " + line, "");
    }

    private Check hostOnlyCheck(Optional<String> vboxVersion) {
        String os = setup.osName().toLowerCase(java.util.Locale.ROOT);
        boolean restricted = !os.contains("windows")
                && !(os.contains("mac") && vboxVersion.map(v -> compare(v, "7.0.0") >= 0).orElse(false))
                && vboxVersion.map(v -> compare(v, "6.1.28") >= 0).orElse(true);
        String network = topology.networkPrefix() + ".0/24";
        if (!restricted) {
            return new Check("host-only network", true, network + " (VirtualBox restricts no range on this platform)", "");
        }
        Optional<String> conf = read(setup.networksConf());
        List<String> ranges = HostOnlyRanges.allowed(conf);
        List<String> outside = topology.nodes().stream().map(LabNode::ip)
                .filter(ip -> !HostOnlyRanges.contains(ranges, ip)).toList();
        String source = conf.isPresent() ? setup.networksConf().toString() : "VirtualBox's default, no " + setup.networksConf();
        if (outside.isEmpty()) {
            return new Check("host-only network", true, network + " is allowed (" + String.join(" ", ranges) + " from " + source + ")", "");
        }
        return new Check("host-only network", false, "addresses " + outside + " are outside the allowed ranges "
                + ranges + " (" + source + ")",
                "use a network inside " + HostOnlyRanges.DEFAULT_RANGE + " in topology.yaml, or add the line '* "
                        + network + "' to " + setup.networksConf() + " (as root)");
    }

    private Check memoryCheck() {
        long needed = topology.nodes().stream().mapToLong(LabNode::memoryMb).sum() + MEMORY_MARGIN_MB;
        OptionalLong available = read(setup.meminfo()).map(Doctor::memAvailableMb).orElse(OptionalLong.empty());
        String source = "MemAvailable in " + setup.meminfo();
        if (available.isEmpty()) {
            available = OptionalLong.of(jvmFreeMemoryMb());
            source = "free memory as the JVM sees it";
        }
        String detail = needed + " MiB needed (" + topology.nodes().size() + " VMs + " + MEMORY_MARGIN_MB
                + " MiB for the host), " + available.getAsLong() + " MiB available (" + source + ")";
        return available.getAsLong() >= needed ? new Check("memory", true, detail, "")
                : new Check("memory", false, detail, "close programs or give the VMs less memory in topology.yaml");
    }

    private Check diskCheck() {
        Path folder = setup.home().resolve("VirtualBox VMs");
        Path probe = folder;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        long needed = topology.nodes().size() * DISK_PER_VM_MB + DISK_FOR_BOX_MB;
        if (probe == null) {
            return new Check("disk", false, "no existing folder above " + folder, "check the home folder " + setup.home());
        }
        long freeMb;
        try {
            freeMb = setup.usableBytes().of(probe) / (1024 * 1024);
        } catch (IOException e) {
            return new Check("disk", false, "cannot read free space of " + probe + ": " + e.getMessage(), "check " + probe);
        }
        String detail = needed + " MiB needed (" + DISK_PER_VM_MB + " MiB per VM + " + DISK_FOR_BOX_MB + " MiB for the box), "
                + freeMb + " MiB free at " + probe;
        return freeMb >= needed ? new Check("disk", true, detail, "")
                : new Check("disk", false, detail, "free space on the disk holding " + folder);
    }

    private Check boxCheck(boolean vagrantPresent) {
        String name = "box";
        if (!vagrantPresent) {
            return new Check(name, false, "cannot check box " + topology.box() + " without a working vagrant",
                    "install Vagrant first");
        }
        Optional<String> out = output(setup.vagrant().get(), "box", "list", "--machine-readable");
        List<BoxListParser.Box> boxes = out.map(BoxListParser::parse).orElse(List.of());
        Optional<BoxListParser.Box> box = boxes.stream()
                .filter(b -> b.name().equals(topology.box()) && b.provider().equals("virtualbox")).findFirst();
        String add = "vagrant box add " + topology.box() + " --provider virtualbox";
        if (box.isPresent()) {
            return new Check(name, true, topology.box() + " (virtualbox, " + box.get().version() + ") is present", "");
        }
        return new Check(name, false, topology.box() + " for virtualbox is not present locally ("
                + (boxes.isEmpty() ? "no boxes" : boxes.size() + " other boxes") + ")",
                "run '" + add + "' once (downloads about 1 GB)");
    }

    /** The MiB value of MemAvailable in {@code /proc/meminfo} text. */
    static OptionalLong memAvailableMb(String meminfo) {
        Matcher m = Pattern.compile("(?m)^MemAvailable:\\s+(\\d+)\\s*kB").matcher(meminfo);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) / 1024) : OptionalLong.empty();
    }

    private static long jvmFreeMemoryMb() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getFreeMemorySize() / (1024 * 1024);
        }
        return Runtime.getRuntime().freeMemory() / (1024 * 1024);
    }

    private Optional<String> version(Optional<Path> program, String arg) {
        return program.flatMap(p -> output(p, arg)).flatMap(Doctor::lastVersion);
    }

    private Optional<String> output(Path program, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(List.of(args));
        ProcessResult r = runner.run(argv, setup.commandTimeout(), (stream, line) -> { });
        if (!r.succeeded()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(r.stdout());
        all.addAll(r.stderr());
        return Optional.of(String.join("\n", all));
    }

    /** The version on the last line that has one ({@code 7.0.14r161095} gives {@code 7.0.14}). */
    static Optional<String> lastVersion(String text) {
        String found = null;
        for (String line : text.split("\n")) {
            Matcher m = VERSION.matcher(line);
            if (m.find()) {
                found = m.group();
            }
        }
        return Optional.ofNullable(found);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
