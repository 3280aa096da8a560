package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;

/** {@code %lsmagic}: lists the magics with one line each. */
public final class LsmagicMagic extends NamedMagic {
    private final MagicRegistry registry;

    public LsmagicMagic(MagicRegistry registry) {
        super("lsmagic", "list the magics");
        this.registry = registry;
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
