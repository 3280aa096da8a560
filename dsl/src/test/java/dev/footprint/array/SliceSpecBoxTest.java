package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SliceSpecBoxTest {
    @Test
    void aBoxSelectsItsLengthsFromItsOrigin() {
        String spec = SliceSpec.box(new long[] {100, 0, 3_000_000_000L}, new int[] {50, 7, 2});
        assertEquals("100:150,0:7,3000000000:3000000002", spec);
        assertEquals(List.of(new SliceSpec.Axis(100, 1, 50, false), new SliceSpec.Axis(0, 1, 7, false),
                new SliceSpec.Axis(3_000_000_000L, 1, 2, false)), SliceSpec.parse(spec, new long[] {200, 7, 4_000_000_000L}));
    }

    @Test
    void aZeroDimensionalBoxIsTheEmptySpec() {
        assertEquals("", SliceSpec.box(new long[0], new int[0]));
    }
}
