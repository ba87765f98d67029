package dev.k3slab.shell;

import java.util.ArrayList;
import java.util.List;

/** A {@link CommandListener} that keeps every result in the order they finished. Thread-safe. */
public final class CommandLog implements CommandListener {

    private final List<CommandResult> results = new ArrayList<>();

    @Override
    public synchronized void commandFinished(CommandResult result) {
        results.add(result);
    }

    /** A copy of the results so far. */
    public synchronized List<CommandResult> results() {
        return List.copyOf(results);
    }
}
