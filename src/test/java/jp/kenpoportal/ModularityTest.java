package jp.kenpoportal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module; only its base package is its API, and it uses only the
 * modules its package-info.java allows (DESIGN.md, Modules).
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(KenpoPortalApplication.class);

	@Test
	void modulesOnlyUseEachOthersApisAndTheModulesTheyAllow() {
		modules.verify();
	}

	/**
	 * So that a widened package-info.java cannot quietly change what DESIGN.md promises: the
	 * foundational modules may use {@code common} (small shared helpers, such as the secret keys)
	 * and nothing else.
	 */
	@Test
	void foundationalModulesKnowNothingOfSignInOrTheServices() {
		for (String name : List.of("tenant", "member", "mail", "document", "audit")) {
			ApplicationModule module = modules.getModuleByName(name).orElseThrow();
			assertThat(module.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString())
				.filter(used -> !used.equals("common")))
				.as("the modules %s uses", name)
				.isEmpty();
		}
	}

	@Test
	void documentsTheModules() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
