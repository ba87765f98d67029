package dev.k3slab.observe;

/**
 * One row of {@code etcdctl endpoint health}.
 *
 * @param endpoint ENDPOINT
 * @param healthy  HEALTH
 * @param took     TOOK as printed (a Go duration), empty when not printed
 * @param error    ERROR, empty when none
 */
public record EndpointHealth(String endpoint, boolean healthy, String took, String error) {
}
