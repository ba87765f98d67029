package dev.k3slab.report;

/**
 * The monitor's samples from one node drawn as an SVG image.
 *
 * @param from    the node the monitor ran on
 * @param samples how many samples are drawn
 * @param start   the lab-clock instant at the left edge
 * @param end     the lab-clock instant of the last sample
 * @param svg     a complete {@code <svg>} element (markup, already escaped)
 */
public record Timeline(String from, int samples, String start, String end, String svg) {
}
