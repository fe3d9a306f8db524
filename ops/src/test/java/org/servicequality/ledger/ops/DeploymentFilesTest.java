package org.servicequality.ledger.ops;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files in ops/deploy parse, start classes that exist, and set only properties the code reads: every
 * environment variable given to a ledger container maps (by Spring Boot's relaxed binding) to a property documented
 * in a jar's configuration metadata or read by the ledger itself. Spring Boot silently ignores a misspelt variable,
 * so nothing else would notice one. No Docker or Kubernetes exists here to run them.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    /** Read by the container's launcher and the JVM, not by Spring. */
    private static final Set<String> NOT_SPRING = Set.of("LOADER_MAIN", "JAVA_TOOL_OPTIONS");

    @Test
    void composeGivesTheLedgerContainersOnlyPropertiesTheCodeReads() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> variables = new ArrayList<>();
        for (String role : List.of("command-side", "query-side-1", "query-side-2")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services.get(role).get("environment");
            assertThat(environment).as(role).containsKey("LOADER_MAIN");
            Class.forName((String) environment.get("LOADER_MAIN"));
            variables.addAll(environment.keySet());
        }
        assertThat(services).containsKeys("axonserver", "mongo-1", "mongo-2", "mongo-3", "mongo-init", "postgres");
        assertThat(unknown(variables)).isEmpty();
    }

    @Test
    void kubernetesManifestsGiveTheLedgerContainersOnlyPropertiesTheCodeReads() throws Exception {
        List<String> variables = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    Map<?, ?> resource = (Map<?, ?>) document;
                    Map<?, ?> metadata = (Map<?, ?>) resource.get("metadata");
                    kinds.add(resource.get("kind") + "/" + metadata.get("name"));
                    if (String.valueOf(metadata.get("name")).startsWith("ledger-")) {
                        collectVariables(resource, variables);
                    }
                }
            }
        }
        assertThat(kinds).contains("StatefulSet/axonserver", "StatefulSet/mongo", "Job/mongo-init",
                "Deployment/ledger-command-side", "Deployment/ledger-query-side");
        assertThat(variables).contains("LOADER_MAIN", "AXON_AXONSERVER_SERVERS", "SPRING_DATA_MONGODB_URI");
        assertThat(unknown(variables)).isEmpty();
    }

    /** ConfigMap and Secret keys, and the names of env entries of containers. */
    @SuppressWarnings("unchecked")
    private static void collectVariables(Object node, List<String> variables) throws ClassNotFoundException {
        if (node instanceof Map<?, ?> map) {
            Object kind = map.get("kind");
            if ("ConfigMap".equals(kind) || "Secret".equals(kind)) {
                Object data = map.containsKey("data") ? map.get("data") : map.get("stringData");
                variables.addAll(((Map<String, Object>) data).keySet());
                return;
            }
            if (map.get("env") instanceof List<?> env) {
                for (Object entry : env) {
                    Map<String, Object> variable = (Map<String, Object>) entry;
                    variables.add((String) variable.get("name"));
                    if ("LOADER_MAIN".equals(variable.get("name"))) {
                        Class.forName((String) variable.get("value"));
                    }
                }
            }
            for (Object value : map.values()) {
                collectVariables(value, variables);
            }
        } else if (node instanceof List<?> list) {
            for (Object value : list) {
                collectVariables(value, variables);
            }
        }
    }

    private static List<String> unknown(List<String> variables) throws IOException {
        Set<String> known = knownProperties();
        return variables.stream()
                .filter(variable -> !NOT_SPRING.contains(variable))
                .filter(variable -> !known.contains(variable.toLowerCase().replace("_", ".")))
                .filter(variable -> !isHealthGroupSetting(variable))
                .distinct().toList();
    }

    /** {@code management.endpoint.health.group.<name>.include}: a map keyed by a group name of our choosing. */
    private static boolean isHealthGroupSetting(String variable) {
        return variable.matches("MANAGEMENT_ENDPOINT_HEALTH_GROUP_[A-Z]+_INCLUDE");
    }

    /**
     * A property's names as an environment variable, lower-cased with underscores read as dots: Spring Boot binds
     * {@code component-name} from {@code COMPONENTNAME} and from {@code COMPONENT_NAME} alike.
     */
    private static void addEnvironmentForms(Set<String> known, String property) {
        known.add(property.replace("-", "."));
        known.add(property.replace("-", ""));
    }

    private static Set<String> knownProperties() throws IOException {
        Set<String> known = new HashSet<>();
        Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
        for (Resource metadata : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/*spring-configuration-metadata.json")) {
            try (InputStream in = metadata.getInputStream()) {
                Matcher matcher = name.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                while (matcher.find()) {
                    addEnvironmentForms(known, matcher.group(1));
                }
            }
        }
        // The ledger's own properties are typed @ConfigurationProperties: their metadata is generated with the others.
        assertThat(known).as("the ledger's own properties").contains("ledger.time.zone", "ledger.projections.claim.timeout");
        return known;
    }
}
