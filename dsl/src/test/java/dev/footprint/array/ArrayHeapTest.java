package dev.footprint.array;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** What an array really costs on the Java heap, measured by walking its object graph. */
class ArrayHeapTest {
    @Test
    void a1024By1024Uint16ArrayCostsItsNbytesPlusASmallConstant() {
        NDArray a = arr.ones(1024, 1024).as(UINT16);
        long total = GraphLayout.parseInstance(a).totalSize();
        long overhead = total - a.nbytes();
        System.out.println("JOL: 1024x1024 uint16 array = " + total + " bytes on the heap (nbytes " + a.nbytes()
                + ", overhead " + overhead + ")");
        assertTrue(overhead >= 0 && overhead < 640, "overhead " + overhead + " bytes");
        NDArray wide = arr.ones(1024, 1024).as(UINT64);
        assertTrue(GraphLayout.parseInstance(wide).totalSize() - wide.nbytes() < 640);
    }

    @Test
    void aViewCostsOnlyItsHeaderNotAnotherCopy() {
        NDArray a = arr.ones(UINT16, 1024, 1024);
        NDArray view = a.slice("::2, ::2");
        long both = GraphLayout.parseInstance(a, view).totalSize();
        assertTrue(both - a.nbytes() < 1024, "a and its view share storage: " + both);
    }
}
