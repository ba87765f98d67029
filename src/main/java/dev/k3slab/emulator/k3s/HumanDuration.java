package dev.k3slab.emulator.k3s;

import java.time.Duration;

/** apimachinery v0.27.9 {@code duration.HumanDuration}, as kubectl's AGE column prints it (reference §6). */
final class HumanDuration {
    private HumanDuration() {
    }

    static String of(Duration d) {
        long s = d.getSeconds();
        if (s < -1) {
            return "<invalid>";
        }
        if (s < 0) {
            return "0s";
        }
        if (s < 120) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 10) {
            return s % 60 == 0 ? m + "m" : m + "m" + (s % 60) + "s";
        }
        if (m < 180) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 8) {
            return m % 60 == 0 ? h + "h" : h + "h" + (m % 60) + "m";
        }
        if (h < 48) {
            return h + "h";
        }
        if (h < 192) {
            return h % 24 == 0 ? (h / 24) + "d" : (h / 24) + "d" + (h % 24) + "h";
        }
        if (h < 17520) {
            return (h / 24) + "d";
        }
        long y = h / 24 / 365;
        if (h < 70080) {
            long dy = h / 24 % 365;
            return dy == 0 ? y + "y" : y + "y" + dy + "d";
        }
        return y + "y";
    }
}
