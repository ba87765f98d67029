package dev.k3slab.emulator.node;

import java.io.InputStream;
import java.io.OutputStream;

/** The standard input, output and error of a command. */
record Streams(InputStream in, OutputStream out, OutputStream err) {
}
