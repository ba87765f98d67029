package dev.k3slab.emulator.ssh;

import dev.k3slab.emulator.node.NodeHost;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The SFTP subsystem of one emulated node, so that {@code NodeShell.upload} works there as on a
 * VM: the node's disk ({@code <run>/nodes/<node>/}) is the whole file system the client sees,
 * never the host's {@code /}. As on the lab VM, the SSH user {@code vagrant} may write only where
 * the node interpreter lets it write ({@code /tmp} and its home): file permissions are not
 * modelled, so a write elsewhere is refused as not modelled instead of guessed. {@code root} may
 * write anywhere on the node's disk. Entries written get the lab clock's time, as the shell's do.
 *
 * <p>Relative paths resolve from the node's {@code /} (an OpenSSH sftp-server starts in the
 * user's home); the harness sends absolute paths.
 */
final class NodeSftp {
    private static final AttributeKey<Instant> OPENED = new AttributeKey<>();
    private static final String NOT_MODELLED = "not modelled by the emulated lab: ";

    private NodeSftp() {
    }

    /** The node's disk as the file system of every SFTP session. */
    static FileSystemFactory fileSystem(NodeHost host) {
        return new VirtualFileSystemFactory(host.files().root());
    }

    /** The subsystem, its one thread per session named {@code <threadPrefix>-sftp}. */
    static SftpSubsystemFactory subsystem(NodeHost host, String threadPrefix) {
        SftpSubsystemFactory factory = new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(new UserWrites())
                .withSftpErrorStatusDataHandler(new SftpErrorStatusDataHandler() {
                    @Override
                    public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus,
                                                      int cmd, Object... args) {
                        // The refusal's own words, not only the status name ("Permission denied").
                        return e instanceof AccessDeniedException denied && denied.getReason() != null
                                && denied.getReason().startsWith(NOT_MODELLED) ? denied.getReason()
                                : SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, e, subStatus, cmd, args);
                    }
                })
                .withExecutorServiceProvider(() -> ThreadUtils.newSingleThreadExecutor(threadPrefix + "-sftp"))
                .build();
        factory.addSftpEventListener(new LabTimes(host));
        return factory;
    }

    /** Refuses writes the node interpreter would refuse: as {@code vagrant}, outside {@code /tmp} and its home. */
    private static final class UserWrites implements SftpFileSystemAccessor {
        private static final Set<StandardOpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING);

        @Override
        public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String id,
                                            Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            if (options.stream().anyMatch(WRITING::contains)) {
                checkWritable(subsystem, file, "writing a file");
            }
            return SftpFileSystemAccessor.super.openFile(subsystem, handle, file, id, options, attrs);
        }

        @Override
        public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
            checkWritable(subsystem, path, "creating a folder");
            SftpFileSystemAccessor.super.createDirectory(subsystem, path);
        }

        @Override
        public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
            checkWritable(subsystem, path, "removing");
            SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
        }

        @Override
        public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
                throws IOException {
            checkWritable(subsystem, oldPath, "renaming");
            checkWritable(subsystem, newPath, "renaming");
            SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
        }

        @Override
        public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts) throws IOException {
            checkWritable(subsystem, dst, "copying");
            SftpFileSystemAccessor.super.copyFile(subsystem, src, dst, opts);
        }

        @Override
        public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
            checkWritable(subsystem, link, "creating a link");
            SftpFileSystemAccessor.super.createLink(subsystem, link, existing, symLink);
        }

        @Override
        public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                     LinkOption... options) throws IOException {
            checkWritable(subsystem, file, "changing attributes");
            SftpFileSystemAccessor.super.setFileAttribute(subsystem, file, view, attribute, value, options);
        }

        @Override
        public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> perms,
                                       LinkOption... options) throws IOException {
            checkWritable(subsystem, file, "changing the mode");
            SftpFileSystemAccessor.super.setFilePermissions(subsystem, file, perms, options);
        }

        @Override
        public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
                throws IOException {
            throw refused(subsystem, file, "changing the owner (ownership is not modelled)");
        }

        @Override
        public void setGroupOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
                throws IOException {
            throw refused(subsystem, file, "changing the group (ownership is not modelled)");
        }

        private static void checkWritable(SftpSubsystemProxy subsystem, Path file, String what) throws AccessDeniedException {
            String user = subsystem.getServerSession().getUsername();
            String path = file.toAbsolutePath().normalize().toString();
            String home = "/home/" + user;
            if (user.equals("root") || path.equals("/tmp") || path.startsWith("/tmp/") || path.equals(home)
                    || path.startsWith(home + "/")) {
                return;
            }
            throw refused(subsystem, file, what + " as user " + user + " outside /tmp and " + home
                    + " (file permissions are not modelled: upload to /tmp and move the file with sudo, as the harness does)");
        }

        private static AccessDeniedException refused(SftpSubsystemProxy subsystem, Path file, String what) {
            return new AccessDeniedException(file.toString(), null, NOT_MODELLED + "SFTP " + what);
        }
    }

    /** Gives what SFTP wrote the lab clock's time, as the node interpreter does after each command. */
    private static final class LabTimes implements SftpEventListener {
        private final NodeHost host;

        LabTimes(NodeHost host) {
            this.host = host;
        }

        @Override
        public void opening(ServerSession session, String remoteHandle, Handle localHandle) {
            localHandle.setAttribute(OPENED, Instant.now());
        }

        @Override
        public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
            Instant opened = localHandle.getAttribute(OPENED);
            if (localHandle instanceof FileHandle && opened != null) {
                host.filesChanged(opened);
            }
        }

        @Override
        public void created(ServerSession session, Path path, Map<String, ?> attrs, Throwable thrown) {
            host.filesChanged(Instant.now());
        }

        @Override
        public void moved(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts, Throwable thrown) {
            host.filesChanged(Instant.now());
        }

        @Override
        public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown) {
            host.filesChanged(Instant.now());
        }

        @Override
        public void linked(ServerSession session, Path source, Path target, boolean symLink, Throwable thrown) {
            host.filesChanged(Instant.now());
        }
    }
}
