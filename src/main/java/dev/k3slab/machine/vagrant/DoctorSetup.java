package dev.k3slab.machine.vagrant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the doctor looks: the programs, the files it reads and the folder VMs would go to. The real
 * system's values come from {@link #system()}; tests point them at fakes.
 *
 * @param vagrant        the vagrant program, if found
 * @param vboxManage     VBoxManage, if found
 * @param networksConf   VirtualBox's host-only range file ({@code /etc/vbox/networks.conf})
 * @param meminfo        {@code /proc/meminfo}; when unreadable the JVM's view of free memory is used
 * @param home           the user's home (VirtualBox's default machine folder is under it)
 * @param osName         {@code os.name}, for VirtualBox's per-platform range rules
 * @param commandTimeout limit for each version or list command
 * @param usableBytes    free bytes of the file system holding a path
 */
public record DoctorSetup(Optional<Path> vagrant, Optional<Path> vboxManage, Path networksConf, Path meminfo,
                          Path home, String osName, Duration commandTimeout, UsableSpace usableBytes) {

    /** Free bytes for a path's file system. */
    @FunctionalInterface
    public interface UsableSpace {
        long of(Path existing) throws IOException;
    }

    public static DoctorSetup system() {
        return new DoctorSetup(Executables.VAGRANT.find(), Executables.VBOXMANAGE.find(),
                Path.of("/etc/vbox/networks.conf"), Path.of("/proc/meminfo"),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name"), Duration.ofSeconds(60),
                p -> Files.getFileStore(p).getUsableSpace());
    }
}
