package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml and deploy/.env.example, checked statically (there is no Docker engine on
 * the build machines): pinned images, a health check on every service, start order by health, one
 * network, secrets only from .env, and every variable documented.
 */
class DeployComposeTests {

    /** Environment names that carry secrets: their values must come from .env, never the file. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|API_KEY|TOKEN|_KEYS|_KEYS_EXTRA)$");

    private static final Set<String> REQUIRED_SECRETS =
            Set.of("LIVEKIT_API_SECRET", "POSTGRES_PASSWORD", "SOFIA_SECRET_KEY", "SOFIA_ADMIN_PASSWORD");

    @Test
    void everyImageIsPinnedByTagOrDigestAndNeverLatest() {
        ComposeFile.services().forEach((name, service) -> {
            assertThat(service).as(name).containsKey("image");
            String image = ComposeFile.resolved(String.valueOf(service.get("image")));
            assertThat(DockerImages.isPinned(image))
                    .as("%s: image %s", name, image)
                    .isTrue();
        });
    }

    /** The server image matches what scripts/setup.sh builds for the tests, so tests cover production. */
    @Test
    void livekitServerIsTheVersionTheTestsRun() {
        Matcher setup = Pattern.compile("livekit-server/cmd/server@(v[0-9.]+)")
                .matcher(ComposeFile.read(RepositoryFiles.resolve("scripts/setup.sh")));
        assertThat(setup.find()).isTrue();
        assertThat(ComposeFile.services().get("livekit").get("image"))
                .isEqualTo("livekit/livekit-server:" + setup.group(1));
    }

    @Test
    void everyServiceHasAHealthCheck() {
        ComposeFile.services().forEach((name, service) -> {
            Object check = service.get("healthcheck");
            assertThat(check).as(name).isInstanceOf(Map.class);
            Map<?, ?> healthcheck = (Map<?, ?>) check;
            assertThat(healthcheck.get("disable")).as(name).isNotEqualTo(true);
            assertThat(healthcheck.get("test")).as(name + " healthcheck.test").isNotNull();
        });
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        Map<String, Map<String, Object>> services = ComposeFile.services();
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as(name + ": depends_on with conditions").isInstanceOf(Map.class);
            ((Map<?, ?>) dependsOn).forEach((dependency, condition) -> {
                assertThat(services).as(name).containsKey(String.valueOf(dependency));
                assertThat(((Map<?, ?>) condition).get("condition"))
                        .as(name + " -> " + dependency)
                        .isEqualTo("service_healthy");
            });
        });
        assertThat(services.get("sofia-api").get("depends_on"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("postgres", "livekit");
        assertThat(services.get("sip").get("depends_on"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("redis", "livekit");
    }

    @Test
    void allServicesShareTheOneNamedNetwork() {
        Map<String, Object> compose = ComposeFile.yaml();
        Map<?, ?> networks = (Map<?, ?>) compose.get("networks");
        assertThat(networks.keySet().stream().map(String::valueOf).toList()).containsExactly("sofia");
        assertThat(((Map<?, ?>) networks.get("sofia")).get("name")).isEqualTo("sofia");
        ComposeFile.services().forEach((name, service) -> {
            assertThat(service.get("networks")).as(name).isEqualTo(List.of("sofia"));
            assertThat(service).as(name + ": no host networking").doesNotContainKey("network_mode");
        });
    }

    @Test
    void theAppRunsAsApiAndAsScalableWorkers() {
        Map<String, Map<String, Object>> services = ComposeFile.services();
        assertThat(ComposeFile.environment(services.get("sofia-api"))).containsEntry("SOFIA_ROLE", "api");
        Map<String, Object> worker = services.get("sofia-worker");
        assertThat(ComposeFile.environment(worker)).containsEntry("SOFIA_ROLE", "worker");
        assertThat(((Map<?, ?>) worker.get("deploy")).get("replicas")).isNotNull();
        // --scale needs containers without a fixed name or host port
        assertThat(worker).doesNotContainKeys("container_name", "ports");
    }

    @Test
    void secretsComeFromTheEnvironmentFileAndRequiredOnesAreEnforced() {
        List<String> literal = new ArrayList<>();
        ComposeFile.services()
                .forEach((name, service) -> ComposeFile.environment(service).forEach((variable, value) -> {
                    if (SECRET_NAME.matcher(variable).matches()
                            && value != null
                            && !ComposeFile.VARIABLE
                                    .matcher(String.valueOf(value))
                                    .find()) {
                        literal.add(name + "." + variable);
                    }
                }));
        assertThat(literal).as("secret variables with a literal value").isEmpty();
        assertThat(ComposeFile.requiredVariables())
                .containsAll(REQUIRED_SECRETS)
                .contains("LIVEKIT_API_KEY");
    }

    @Test
    void everyVariableIsDocumentedInEnvExampleAndEveryDocumentedOneIsUsed() {
        Set<String> used = ComposeFile.variables();
        Set<String> documented = ComposeFile.envExample().keySet();
        assertThat(documented).containsAll(used);
        assertThat(used).containsAll(documented);
    }

    @Test
    void envExampleHoldsNoRealSecret() {
        ComposeFile.envExample().forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && !name.equals("LIVEKIT_API_KEY")) {
                assertThat(value)
                        .as(name)
                        .satisfiesAnyOf(
                                v -> assertThat(v).isEmpty(), v -> assertThat(v).startsWith("change-me"));
            }
        });
        assertThat(ComposeFile.envExample().get("LIVEKIT_API_KEY")).startsWith("change-me");
    }

    /** The app's variables are the ones the README's configuration table documents. */
    @Test
    void theAppIsConfiguredOnlyWithVariablesItKnows() {
        String readme = ComposeFile.read(RepositoryFiles.resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## API"));
        for (String service : List.of("sofia-api", "sofia-worker")) {
            for (String variable :
                    ComposeFile.environment(ComposeFile.services().get(service)).keySet()) {
                assertThat(table).as(service + " sets " + variable).contains("`" + variable + "`");
            }
        }
    }
}
