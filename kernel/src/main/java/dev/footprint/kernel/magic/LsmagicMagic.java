package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import java.util.List;

/** {@code %lsmagic}: lists the magics with one line each. */
public final class LsmagicMagic implements Magic {
    private final MagicRegistry registry;

    public LsmagicMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<String> names() {
        return List.of("lsmagic");
    }

    @Override
    public String summary() {
        return "list the magics";
    }

    @Override
    public ExecutionOutcome runLine(String name, String args, MagicContext context) {
        StringBuilder text = new StringBuilder("Line magics: %name args; cell magics: %%name on the first line.\n");
        for (Magic magic : registry.magics()) {
            for (String magicName : magic.names()) {
                text.append(String.format("  %%%-12s %s%n", magicName, magic.summary()));
            }
        }
        context.print(text.toString());
        return ExecutionOutcome.ok(null);
    }
}
