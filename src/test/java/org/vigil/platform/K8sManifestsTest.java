package org.vigil.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manifests in k8s/ as a cluster would read them. No offline schema validator is available (kubectl
 * validates against a server), so this checks the structure Vigil relies on, and builds the kustomization
 * with kubectl where it is installed.
 */
class K8sManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final ObjectMapper YAML = new YAMLMapper();

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(K8S.resolve(file).toFile());
    }

    private static JsonNode container(JsonNode workload) {
        return workload.at("/spec/template/spec/containers/0");
    }

    private static JsonNode port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port;
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    @Test
    void everyManifestIsAKubernetesObjectWithAName() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode manifest = YAML.readTree(file.toFile());
                assertThat(manifest.path("apiVersion").asText()).as(file.toString()).isNotBlank();
                assertThat(manifest.path("kind").asText()).as(file.toString()).isNotBlank();
                if (!manifest.path("kind").asText().equals("Kustomization")) {
                    assertThat(manifest.at("/metadata/name").asText() + manifest.at("/metadata/generateName").asText())
                            .as(file.toString()).isNotBlank();
                }
            }
        }
    }

    @Test
    void kustomizationAppliesEveryObjectButTheSecretTemplateAndTheOneOffJob() throws IOException {
        Set<String> listed = new HashSet<>();
        read("kustomization.yaml").path("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(K8S)) {
            Set<String> expected = new HashSet<>(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml")).toList());
            expected.removeAll(Set.of("kustomization.yaml", "secret.template.yaml", "reclassify-job.yaml"));
            assertThat(listed).isEqualTo(expected);
        }
    }

    @Test
    void deploymentProbesTheManagementPortAndWaitsForStartUp() throws Exception {
        JsonNode deployment = read("deployment.yaml");
        JsonNode vigil = container(deployment);
        assertThat(port(vigil, "http").path("containerPort").asInt()).isEqualTo(8080);
        assertThat(port(vigil, "management").path("containerPort").asInt())
                .isEqualTo(Integer.parseInt(applicationProperty("quarkus.management.port")));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(vigil.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
            assertThat(vigil.at("/" + probe + "/httpGet/path").asText()).as(probe).startsWith("/q/health/");
        }
        // Migrations may run long on the first start; the start-up budget must outlast them.
        JsonNode startup = vigil.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt()).isGreaterThanOrEqualTo(120);
        assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText()).isEqualTo("9000");
    }

    @Test
    void podsGetNoServiceAccountTokenAndABoundedTmp() throws IOException {
        for (String file : List.of("deployment.yaml", "reclassify-job.yaml")) {
            JsonNode pod = read(file).at("/spec/template/spec");
            assertThat(pod.path("automountServiceAccountToken").isBoolean()).as(file).isTrue();
            assertThat(pod.path("automountServiceAccountToken").asBoolean()).as(file).isFalse();
            assertThat(pod.at("/volumes/0/emptyDir/sizeLimit").asText()).as(file).isNotBlank();
            assertThat(pod.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).as(file).isTrue();
        }
    }

    @Test
    void publicServiceExposesTheWebhookPortOnly() throws IOException {
        JsonNode ports = read("service.yaml").at("/spec/ports");
        assertThat(ports.size()).isEqualTo(1);
        assertThat(ports.get(0).path("targetPort").asText()).isEqualTo("http");
    }

    @Test
    void disruptionBudgetAndNetworkPolicySelectTheDeploymentsPods() throws IOException {
        JsonNode labels = read("deployment.yaml").at("/spec/template/metadata/labels");
        assertThat(read("pod-disruption-budget.yaml").at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(read("pod-disruption-budget.yaml").at("/spec/minAvailable").asInt()).isPositive();
        JsonNode policy = read("network-policy.yaml");
        assertThat(policy.at("/spec/podSelector/matchLabels")).isEqualTo(labels);
        List<Integer> openToAll = new ArrayList<>();
        for (JsonNode rule : policy.at("/spec/ingress")) {
            if (rule.path("from").isMissingNode()) {
                rule.path("ports").forEach(p -> openToAll.add(p.path("port").asInt()));
            }
        }
        assertThat(openToAll).containsExactly(8080);
    }

    @Test
    void reclassifyJobRunsTheCommandWithTheServicesConfiguration() throws IOException {
        JsonNode job = container(read("reclassify-job.yaml"));
        assertThat(job.path("args")).isEqualTo(YAML.createArrayNode().add("reclassify"));
        assertThat(job.path("image")).isEqualTo(container(read("deployment.yaml")).path("image"));
        assertThat(job.path("envFrom")).isEqualTo(container(read("deployment.yaml")).path("envFrom"));
    }

    @Test
    void configMapNeverFallsBackToTheEmbeddedDatabase() throws IOException {
        JsonNode data = read("configmap.yaml").path("data");
        assertThat(data.path("VIGIL_DATABASE_EMBEDDED").asText()).isEqualTo("false");
        assertThat(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://");
    }

    @Test
    void kustomizeBuildsTheManifestsWhereKubectlIsInstalled() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed; .ci/run installs it");
        Process process = new ProcessBuilder("kubectl", "kustomize", K8S.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> kinds = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(output)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(o -> kinds.add(o.path("kind").asText()));
        }
        assertThat(kinds).containsExactlyInAnyOrder("ConfigMap", "Deployment", "Service", "PodDisruptionBudget",
                "NetworkPolicy");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String applicationProperty(String key) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty(key);
    }
}
