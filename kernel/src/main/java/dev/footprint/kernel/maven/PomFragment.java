package dev.footprint.kernel.maven;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What {@code %%loadFromPOM} takes, as IJava does: a whole POM, or fragments of one
 * ({@code <dependencies>}, one or more {@code <dependency>}, {@code <repositories>} or
 * {@code <repository>}, {@code <properties>}, {@code <dependencyManagement>}).
 * {@code ${name}} is replaced from the POM's properties and {@code project.version}/{@code project.groupId};
 * a version left out is taken from {@code <dependencyManagement>}. Parent POMs and imported BOMs
 * are not read.
 *
 * <pre>{@code
 * PomFragment pom = PomFragment.parse("<dependency><groupId>org.apache.commons</groupId>"
 *         + "<artifactId>commons-math3</artifactId><version>3.6.1</version></dependency>", 1, Path.of(""));
 * pom.dependencies();     // [org.apache.commons:commons-math3:3.6.1]
 * }</pre>
 *
 * @param dependencies the compile and runtime dependencies, in order
 * @param repositories the repositories it names
 * @param notes what was left out and why (test or provided scope)
 */
public record PomFragment(List<RequestedDependency> dependencies, List<RepositorySpec> repositories, List<String> notes) {
    private static final String WRAPPER = "<footprint-pom-fragment>";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * Parses a POM or a fragment.
     *
     * @param firstLine the line number of the text's first line, for error messages (1 for a file)
     * @param workingDirectory what relative repository paths are resolved against
     * @throws IllegalArgumentException for text that is not XML (with its line and column), or a
     *     dependency without a group, artifact or version
     */
    public static PomFragment parse(String xml, int firstLine, Path workingDirectory) {
        // The declaration may only start a document; blanked out, it keeps every line and column in place.
        Matcher declaration = Pattern.compile("\\A\\s*(<\\?xml[^>]*\\?>)").matcher(xml);
        String body = declaration.find() ? xml.substring(0, declaration.start(1)) + " ".repeat(declaration.group(1).length())
                + xml.substring(declaration.end(1)) : xml;
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new InputSource(new StringReader(WRAPPER + body + "</footprint-pom-fragment>")));
        } catch (SAXParseException malformed) {
            int column = malformed.getLineNumber() == 1 ? malformed.getColumnNumber() - WRAPPER.length() : malformed.getColumnNumber();
            throw new IllegalArgumentException("not a POM: line " + (malformed.getLineNumber() + firstLine - 1) + ", column " + Math.max(1, column)
                    + ": " + malformed.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            throw new IllegalArgumentException("not a POM: " + unreadable.getMessage());
        }
        Collected collected = new Collected();
        collected.walk(document.getDocumentElement());
        return collected.finish(workingDirectory);
    }

    /** What the walk over the elements found, before properties are replaced. */
    private static final class Collected {
        final List<Element> dependencies = new ArrayList<>();
        final List<Element> managed = new ArrayList<>();
        final List<Element> repositories = new ArrayList<>();
        final Map<String, String> properties = new HashMap<>();

        void walk(Element parent) {
            for (Element element : children(parent)) {
                switch (element.getTagName()) {
                    case "project", "dependencies", "repositories" -> walk(element);
                    case "dependency" -> dependencies.add(element);
                    case "repository" -> repositories.add(element);
                    case "dependencyManagement" -> children(element).stream()
                            .filter(e -> e.getTagName().equals("dependencies"))
                            .forEach(list -> managed.addAll(children(list)));
                    case "properties" -> children(element).forEach(p -> properties.put(p.getTagName(), p.getTextContent().strip()));
                    case "version" -> properties.put("project.version", element.getTextContent().strip());
                    case "groupId" -> properties.put("project.groupId", element.getTextContent().strip());
                    default -> { } // the rest of a POM (build, plugins, ...) does not choose libraries
                }
            }
        }

        PomFragment finish(Path workingDirectory) {
            Map<String, String> managedVersions = new HashMap<>();
            for (Element dependency : managed) {
                managedVersions.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), text(dependency, "version"));
            }
            List<RequestedDependency> wanted = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Element dependency : dependencies) {
                String group = text(dependency, "groupId");
                String artifact = text(dependency, "artifactId");
                String version = text(dependency, "version");
                if (version.isEmpty()) {
                    version = managedVersions.getOrDefault(group + ":" + artifact, "");
                }
                String scope = text(dependency, "scope");
                String type = text(dependency, "type");
                String classifier = text(dependency, "classifier");
                if (group.isEmpty() || artifact.isEmpty() || version.isEmpty() || version.contains("${")) {
                    throw new IllegalArgumentException("dependency " + group + ":" + artifact + (version.isEmpty() ? "" : ":" + version)
                            + " needs a groupId, an artifactId and a version (properties of a parent POM are not known)");
                }
                if (scope.equals("test") || scope.equals("provided") || scope.equals("system")) {
                    notes.add("skipped " + group + ":" + artifact + ":" + version + " (scope " + scope + ")");
                    continue;
                }
                String extension = type.isEmpty() || type.equals("test-jar") || type.equals("bundle") ? "jar" : type;
                if (type.equals("test-jar") && classifier.isEmpty()) {
                    classifier = "tests";
                }
                List<String> exclusions = new ArrayList<>();
                for (Element list : children(dependency)) {
                    if (list.getTagName().equals("exclusions")) {
                        for (Element exclusion : children(list)) {
                            exclusions.add(text(exclusion, "groupId") + ":" + text(exclusion, "artifactId"));
                        }
                    }
                }
                wanted.add(new RequestedDependency(new Coordinate(group, artifact, extension, classifier, version), exclusions));
            }
            List<RepositorySpec> repos = new ArrayList<>();
            for (Element repository : repositories) {
                repos.add(RepositorySpec.of(text(repository, "id"), text(repository, "url"), workingDirectory));
            }
            return new PomFragment(List.copyOf(wanted), List.copyOf(repos), List.copyOf(notes));
        }

        /** The text of a child element, properties replaced; empty if there is none. */
        String text(Element parent, String name) {
            for (Element child : children(parent)) {
                if (child.getTagName().equals(name)) {
                    return interpolate(child.getTextContent().strip());
                }
            }
            return "";
        }

        private String interpolate(String value) {
            String result = value;
            for (int round = 0; round < 10 && result.contains("${"); round++) {
                Matcher m = PROPERTY.matcher(result);
                StringBuilder replaced = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(replaced, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
                }
                m.appendTail(replaced);
                if (replaced.toString().equals(result)) {
                    break;
                }
                result = replaced.toString();
            }
            return result;
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
