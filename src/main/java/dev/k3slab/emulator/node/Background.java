package dev.k3slab.emulator.node;

/**
 * Marks a command started with {@code &}: it keeps the process id the shell gave the job (the
 * {@code $!} value) down through wrappers like {@code nohup}, {@code sudo} and {@code sh -c}, so
 * the modelled program registers its process under that id.
 */
record Background(long pid) {
}
