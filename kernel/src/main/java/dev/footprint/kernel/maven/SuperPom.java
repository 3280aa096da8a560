package dev.footprint.kernel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.interpolation.ModelInterpolator;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The default remote repository, read from Maven's own super POM (inside maven-model-builder),
 * so that {@code %maven} looks where {@code mvn} looks, with {@code maven.repo.central}
 * overriding it as it does for Maven.
 */
final class SuperPom {
    private static final String RESOURCE = "org/apache/maven/model/pom-4.0.0.xml";

    private SuperPom() {}

    /** The super POM's first repository ({@code central}), its URL interpolated as Maven does. */
    static Repository central(Properties properties) {
        Model superPom;
        try (InputStream in = SuperPom.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Maven's super POM " + RESOURCE + " is missing from the class path");
            }
            superPom = new MavenXpp3Reader().read(in, false);
        } catch (IOException | XmlPullParserException unreadable) {
            throw new IllegalStateException("cannot read Maven's super POM: " + unreadable.getMessage(), unreadable);
        }
        Repository central = superPom.getRepositories().get(0).clone();
        String override = properties.getProperty(ModelInterpolator.MAVEN_REPO_CENTRAL_KEY);
        String url = override != null && !override.isBlank() ? override : ModelInterpolator.DEFAULT_MAVEN_REPO_CENTRAL_URL;
        central.setUrl(central.getUrl().replace("${" + ModelInterpolator.MAVEN_REPO_CENTRAL_KEY + "}", url));
        return central;
    }
}
