package dev.footprint.kernel.agent;

/**
 * What {@link Display#display} returns: the display's id, to update it later. As the last
 * expression of a cell it shows nothing, so {@code display(x)} does not also print an id.
 *
 * <pre>{@code
 * var progress = display("starting");
 * progress.update("half way");          // same as updateDisplay(progress.id(), "half way")
 * }</pre>
 */
public final class DisplayHandle {
    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    /** The display id, as Jupyter's {@code display_id}. */
    public String id() {
        return id;
    }

    /** Replaces this display's content by {@code value}. */
    public void update(Object value) {
        Display.updateDisplay(id, value);
    }

    @Override
    public String toString() {
        return id;
    }
}
