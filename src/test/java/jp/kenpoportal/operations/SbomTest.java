package jp.kenpoportal.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The software bill of materials (ASVS 15.1.2): the build writes a CycloneDX list of the libraries
 * the portal runs with (cyclonedx-maven-plugin at generate-resources, so it is there before the
 * tests and inside the jar). It must name every library pom.xml asks for at run time, with the
 * version that is really on the classpath and a SHA-256 of its jar, none that only the tests use,
 * and every library must come from Maven Central alone (pom.xml names no other repository).
 */
class SbomTest {

	private static final String SBOM = "META-INF/sbom/application.cdx.json";

	private static final Path POM = Path.of("pom.xml");

	@Test
	void theSbomListsEveryRuntimeDependencyWithTheVersionOnTheClasspathAndItsHash() throws Exception {
		Map<String, String> listed = components();

		assertThat(listed).as("components of %s", SBOM).hasSizeGreaterThan(50);
		assertThat(listed.keySet()).as("runtime dependencies of pom.xml in the SBOM").containsAll(pomDependencies(false));
		List<String> wrong = new ArrayList<>();
		int compared = 0;
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			Properties jar = mavenCoordinates(Path.of(entry));
			String key = jar.getProperty("groupId") + ":" + jar.getProperty("artifactId");
			if (listed.containsKey(key)) {
				compared++;
				if (!listed.get(key).equals(jar.getProperty("version"))) {
					wrong.add(key + " " + listed.get(key) + " listed, " + jar.getProperty("version") + " used");
				}
			}
		}
		assertThat(compared).as("jars on the classpath compared with the SBOM").isGreaterThan(50);
		assertThat(wrong).as("versions in the SBOM that are not those on the classpath").isEmpty();
	}

	@Test
	void theSbomLeavesOutWhatOnlyTheTestsUseAndEveryComponentComesFromMavenCentral() throws Exception {
		Map<String, String> listed = components();
		JsonNode sbom = sbom();

		assertThat(pomDependencies(true)).isNotEmpty().allSatisfy(test -> assertThat(listed).doesNotContainKey(test));
		assertThat(sbom.path("metadata").path("component").path("purl").asString())
			.startsWith("pkg:maven/jp.kenpoportal/kenpo-portal@");
		for (JsonNode component : sbom.path("components")) {
			assertThat(component.path("purl").asString()).as("purl").startsWith("pkg:maven/");
			assertThat(component.path("hashes").findValuesAsString("alg")).as("hashes of %s", component.path("name"))
				.contains("SHA-256");
		}
		// no <repositories> or <pluginRepositories>: every library and plugin comes from Maven Central
		assertThat(Files.readString(POM)).doesNotContain("<repositories>", "<pluginRepositories>");
	}

	private static JsonNode sbom() throws IOException {
		try (InputStream in = SbomTest.class.getClassLoader().getResourceAsStream(SBOM)) {
			assertThat(in).as("%s on the classpath (made by the build at generate-resources)", SBOM).isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

	/** group:name to version of every component listed. */
	private static Map<String, String> components() throws IOException {
		Map<String, String> listed = new HashMap<>();
		for (JsonNode component : sbom().path("components")) {
			listed.put(component.path("group").asString() + ":" + component.path("name").asString(),
					component.path("version").asString());
		}
		return listed;
	}

	/** group:artifact of pom.xml's own dependencies, those of scope test or the others. */
	private static List<String> pomDependencies(boolean testScope) throws Exception {
		Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile()).getDocumentElement();
		NodeList sections = project.getElementsByTagName("dependencies");
		List<String> found = new ArrayList<>();
		for (int s = 0; s < sections.getLength(); s++) {
			Element section = (Element) sections.item(s);
			// the project's own list, not dependencyManagement's or a plugin's
			if (section.getParentNode() != project) {
				continue;
			}
			NodeList dependencies = section.getElementsByTagName("dependency");
			for (int d = 0; d < dependencies.getLength(); d++) {
				Element dependency = (Element) dependencies.item(d);
				if (dependency.getParentNode() == section && "test".equals(text(dependency, "scope")) == testScope) {
					found.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
				}
			}
		}
		return found;
	}

	private static String text(Element element, String child) {
		NodeList nodes = element.getElementsByTagName(child);
		return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
	}

	/** The Maven coordinates a jar carries (META-INF/maven/…/pom.properties), or none. */
	private static Properties mavenCoordinates(Path entry) {
		Properties found = new Properties();
		if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
			return found;
		}
		try (JarFile jar = new JarFile(entry.toFile())) {
			String name = entry.getFileName().toString();
			ZipEntry properties = jar.stream()
				.filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties"))
				// a shaded jar carries several; the one whose artifact and version name the file
				.filter(e -> {
					String[] parts = e.getName().split("/");
					return name.startsWith(parts[3] + "-");
				})
				.findFirst()
				.orElse(null);
			if (properties != null) {
				try (InputStream in = jar.getInputStream(properties)) {
					found.load(in);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return found;
	}
}
