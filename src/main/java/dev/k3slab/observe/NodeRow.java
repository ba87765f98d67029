package dev.k3slab.observe;

import java.util.List;

/**
 * One node as {@code kubectl get nodes} shows it (plain, {@code -o wide} or {@code -o json}).
 * Wide-only fields are null when the input was the plain table.
 *
 * @param name             NAME
 * @param status           STATUS, e.g. {@code Ready}, {@code NotReady}, {@code Ready,SchedulingDisabled}
 * @param roles            ROLES split on commas, empty for {@code <none>}
 * @param age              AGE as printed, e.g. {@code 3m48s}
 * @param ageSeconds       the least number of seconds that AGE can stand for (3m48s gives 228, 14m gives 840)
 * @param version          VERSION
 * @param internalIp       INTERNAL-IP, null when not shown or {@code <none>}
 * @param externalIp       EXTERNAL-IP, null when not shown or {@code <none>}
 * @param osImage          OS-IMAGE (may hold spaces)
 * @param kernelVersion    KERNEL-VERSION
 * @param containerRuntime CONTAINER-RUNTIME
 */
public record NodeRow(String name, String status, List<String> roles, String age, long ageSeconds,
                      String version, String internalIp, String externalIp, String osImage,
                      String kernelVersion, String containerRuntime) {
    public NodeRow {
        roles = List.copyOf(roles);
    }

    public boolean ready() {
        return status.equals("Ready") || status.startsWith("Ready,");
    }

    /** ROLES as kubectl prints them: joined by commas, {@code <none>} when empty. */
    public String rolesText() {
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }
}
