package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceJavadocTest {

    @TempDir
    Path sources;
    private SourceJavadoc javadoc;

    @BeforeEach
    void writeSources() throws IOException {
        Path pkg = Files.createDirectories(sources.resolve("demo/shapes"));
        Files.writeString(pkg.resolve("Base.java"), """
                package demo.shapes;

                /** The base of all shapes. */
                public abstract class Base {
                    /** How many cells the shape covers. */
                    public abstract long size();

                    /** Scales the shape by {@code factor}. */
                    public Base scale(double factor) { return this; }
                }
                """);
        Files.writeString(pkg.resolve("Measured.java"), """
                package demo.shapes;

                public interface Measured<T extends Number> {
                    /** The area, in square units. */
                    double area();
                }
                """);
        Files.writeString(pkg.resolve("Square.java"), """
                package demo.shapes;

                import java.util.Map;

                public final class Square extends Base implements Measured<Integer>, Comparable<Square> {
                    @Override
                    public long size() { return 4; }

                    @Override
                    public double area() { return 1; }

                    /** Puts one value at {@code index}. */
                    public void put(int index) { }

                    /** Puts {@code value} at {@code index}. */
                    public void put(int index, double value) { }

                    /** Adds a fraction. */
                    public Base add(double s) { return this; }

                    /** Adds a whole number. */
                    public Base add(long s) { return this; }

                    /** Puts every entry of the map. */
                    public void put(Map<String, Integer> entries, boolean replace) { }

                    @Override
                    public int compareTo(Square other) { return 0; }
                }
                """);
        javadoc = new SourceJavadoc(List.of(sources));
    }

    @Test
    void eachOverloadGetsItsOwnComment() {
        assertEquals("Puts one value at {@code index}.", javadoc.find("void demo.shapes.Square.put(int index)"));
        assertEquals("Puts {@code value} at {@code index}.", javadoc.find("void demo.shapes.Square.put(int index, double value)"));
        assertEquals("Puts every entry of the map.",
                javadoc.find("void demo.shapes.Square.put(java.util.Map<java.lang.String, java.lang.Integer> entries, boolean replace)"));
    }

    @Test
    void anOverrideWithoutACommentShowsTheOneItOverrides() {
        assertEquals("How many cells the shape covers.", javadoc.find("long demo.shapes.Square.size()"));
        assertEquals("The area, in square units.", javadoc.find("double demo.shapes.Square.area()"));
        assertEquals("Scales the shape by {@code factor}.", javadoc.find("demo.shapes.Base demo.shapes.Square.scale(double factor)"));
    }

    @Test
    void withoutParameterNamesTheFirstCommentedOverloadIsShown() {
        assertEquals("Puts one value at {@code index}.", javadoc.find("void demo.shapes.Square.put(int arg0, double arg1)"));
    }

    @Test
    void classesAndUnknownMembers() {
        assertEquals("The base of all shapes.", javadoc.find("demo.shapes.Base"));
        assertNull(javadoc.find("int demo.shapes.Square.compareTo(demo.shapes.Square other)"),
                "Comparable's source is not on the source path");
        assertNull(javadoc.find("void demo.shapes.Square.noSuchMethod()"));
        assertNull(javadoc.find("void demo.nowhere.Thing.run()"));
    }

    @Test
    void overloadsThatDifferOnlyInTypesAreTold() {
        assertEquals("Adds a whole number.", javadoc.find("demo.shapes.Base demo.shapes.Square.add(long s)"));
        assertEquals("Adds a fraction.", javadoc.find("demo.shapes.Base demo.shapes.Square.add(double s)"));
    }

    @Test
    void parametersComeFromTheSignature() {
        assertEquals(List.of(new SourceJavadoc.Parameter("DType", "dtype"), new SourceJavadoc.Parameter("long", "shape")),
                SourceJavadoc.parameters("dev.footprint.array.DType dtype, long... shape"));
        assertEquals(List.of(new SourceJavadoc.Parameter("Map", "m"), new SourceJavadoc.Parameter("int", "xs")),
                SourceJavadoc.parameters("java.util.Map<String, java.util.List<Integer>> m, int[] xs"));
        assertEquals(List.of(), SourceJavadoc.parameters(""));
        assertNull(SourceJavadoc.parameters("java.lang.Object..."));
        assertNull(SourceJavadoc.parameters("int arg0"));
    }
}
