package dev.salerush.sim.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.merge.MergeMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of a sharded run (deploy/k8s) have the shape the shard contract needs: an Indexed Job of
 * N parallel shards that is never retried and stops every shard when one exits with
 * {@link ShardContract#EXIT_STOP_SIBLINGS}, env names that are the code's, one shard per node, a shared results
 * volume that the merge Job mounts too, and settings that the suite loads as it would in the pod: the example host
 * allowed, the simulation class set, the team conf from its ConfigMap layered. The manifests are filled in the way the
 * README says (envsubst) first.
 */
class K8sManifestShapeTest {
    private static final Path K8S = TestConfigs.PROJECT_ROOT.resolve("deploy/k8s");
    private static final int SHARDS = 3;
    private static final String SIMULATION = "dev.salerush.example.goods.GoodsSimulation";
    private static final String TEAM_CONF = "salerush-team-conf";
    /** What the README's {@code kubectl create configmap ... --from-file=team.conf=...} puts in the ConfigMap. */
    private static final Path TEAM_CONF_FILE = TestConfigs.PROJECT_ROOT.resolve("conf/examples/goods.conf");
    private static final Map<String, String> FILLED_IN = Map.of("${RUN_ID}", "20261206-180000-load",
            "${SHARDS}", String.valueOf(SHARDS), "${START_AT}", "1796000000000", "${IMAGE}", "salerush:test",
            "${PROFILE}", "load", "${TARGET_URL}", "http://shop.internal:8080", "${ALLOWED_HOSTS}", "shop.internal",
            "${SIMULATION}", SIMULATION, "${TEAM_CONF}", TEAM_CONF);
    /** Env the JVM reads, not the shard contract: the suite's -D settings. */
    private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final Set<String> JVM_ENV = Set.of(JAVA_TOOL_OPTIONS);

    @Test
    void shardsAreAnIndexedJobOfNParallelPodsNeverRetried() throws IOException {
        JsonNode job = read("shards-job.yaml");

        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.path("apiVersion").asText()).isEqualTo("batch/v1");
        JsonNode spec = job.path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        assertThat(spec.path("completions").isInt()).isTrue();
        assertThat(spec.path("completions").asInt()).isEqualTo(SHARDS);
        assertThat(spec.path("parallelism").asInt()).isEqualTo(spec.path("completions").asInt());
        assertThat(spec.path("backoffLimit").isInt()).isTrue();
        assertThat(spec.path("backoffLimit").asInt()).isZero();
        assertThat(spec.path("template").path("spec").path("restartPolicy").asText()).isEqualTo("Never");
        assertThat(spec.path("template").path("spec").path("terminationGracePeriodSeconds").asInt())
                .as("time to flush the last interval and write the summary").isGreaterThanOrEqualTo(30);
    }

    @Test
    void aShardExitingWithTheStopSiblingsCodeFailsTheWholeJob() throws IOException {
        List<JsonNode> rules = list(read("shards-job.yaml").path("spec").path("podFailurePolicy").path("rules"));

        JsonNode failJob = rules.stream().filter(r -> r.path("action").asText().equals("FailJob")).findFirst()
                .orElseThrow();
        JsonNode onExitCodes = failJob.path("onExitCodes");
        assertThat(onExitCodes.path("containerName").asText()).isEqualTo(shardContainer().path("name").asText());
        assertThat(onExitCodes.path("operator").asText()).isEqualTo("In");
        assertThat(list(onExitCodes.path("values")).stream().map(JsonNode::asInt))
                .containsExactly(ShardContract.EXIT_STOP_SIBLINGS);
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.path("action").asText()).isEqualTo("Ignore");
            assertThat(rule.path("onPodConditions").get(0).path("type").asText()).isEqualTo("DisruptionTarget");
        });
    }

    @Test
    void shardEnvNamesAreTheContractsAndTheCountIsN() throws IOException {
        Set<String> contract = contractEnvNames();
        List<JsonNode> env = list(shardContainer().path("env"));
        List<String> names = env.stream().map(e -> e.path("name").asText()).toList();

        assertThat(names).allSatisfy(name -> assertThat(contract.contains(name) || JVM_ENV.contains(name))
                .as("%s is a ShardContract name or JVM env", name).isTrue());
        assertThat(names).doesNotHaveDuplicates()
                .contains(ShardContract.ENV_COUNT, ShardContract.ENV_START_AT, ShardContract.ENV_RUN_ID)
                // the Indexed Job gives each pod its index
                .doesNotContain(ShardContract.ENV_INDEX, ShardContract.ENV_JOB_INDEX);
        assertThat(value(env, ShardContract.ENV_COUNT)).isEqualTo(String.valueOf(SHARDS));
    }

    @Test
    void oneShardPerNodeOnTheSharedResultsVolume() throws IOException {
        JsonNode pod = read("shards-job.yaml").path("spec").path("template").path("spec");
        JsonNode antiAffinity = pod.path("affinity").path("podAntiAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").get(0);
        assertThat(antiAffinity.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        JsonNode podLabels = read("shards-job.yaml").path("spec").path("template").path("metadata").path("labels");
        antiAffinity.path("labelSelector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        assertThat(shardContainer().path("resources").path("requests").path("cpu").asText()).isNotBlank();
        assertThat(shardContainer().path("resources").path("limits").path("memory").asText()).isNotBlank();

        String claim = claimName(pod);
        JsonNode pvc = read("results-pvc.yaml");
        assertThat(pvc.path("kind").asText()).isEqualTo("PersistentVolumeClaim");
        assertThat(pvc.path("metadata").path("name").asText()).isEqualTo(claim);
        assertThat(list(pvc.path("spec").path("accessModes")).stream().map(JsonNode::asText))
                .containsExactly("ReadWriteMany");
    }

    @Test
    void theMergeJobMountsTheSameVolumeAndRunsTheMergeMainOnTheRunsFolder() throws IOException {
        JsonNode job = read("merge-job.yaml");
        JsonNode pod = job.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(job.path("spec").path("backoffLimit").asInt()).isZero();
        assertThat(claimName(pod)).isEqualTo(claimName(read("shards-job.yaml").path("spec").path("template")
                .path("spec")));
        assertThat(mountPath(container)).isEqualTo(mountPath(shardContainer()));
        List<String> args = list(container.path("args")).stream().map(JsonNode::asText).toList();
        assertThat(args).contains(MergeMain.class.getName());
        assertThat(args.get(args.size() - 1)).isEqualTo(mountPath(container) + "/$(" + ShardContract.ENV_RUN_ID + ")");
        assertThat(list(container.path("env")).stream().map(e -> e.path("name").asText()))
                .containsExactly(ShardContract.ENV_RUN_ID, JAVA_TOOL_OPTIONS);
    }

    @Test
    void theShardsSettingsLoadAsTheSuiteLoadsThemWithTheTeamConfFromItsConfigMap(@TempDir Path pod)
            throws IOException {
        JsonNode podSpec = read("shards-job.yaml").path("spec").path("template").path("spec");
        Properties options = options(shardContainer());
        mountConfigMaps(podSpec, shardContainer(), pod);

        // the image's /app is this repository (its conf/ folder); the pod's absolute paths are under `pod`
        SuiteConfig config = ConfigLoader.load(TestConfigs.PROJECT_ROOT, inPod(options, pod));

        assertThat(config.target().baseUrl()).hasHost("shop.internal");
        assertThat(config.target().allowedHosts()).contains("shop.internal");
        assertThat(config.profile().name()).isEqualTo("load");
        assertThat(options.getProperty("simulation")).as("the simulation class is a parameter").isEqualTo(SIMULATION);
        assertThat(config.simulation().className()).isEqualTo(SIMULATION);
        // only the team conf (goods.conf) names this feeder: the file from the ConfigMap was layered
        assertThat(config.simulation().feeders()).containsKey("brands");
    }

    @Test
    void theTeamConfIsAReadOnlyConfigMapMountedWhereTheOptionsNameIt() throws IOException {
        JsonNode podSpec = read("shards-job.yaml").path("spec").path("template").path("spec");
        String named = options(shardContainer()).getProperty(ConfigLoader.OVERRIDES_PROPERTY);
        JsonNode volume = list(podSpec.path("volumes")).stream().filter(v -> v.has("configMap")).findFirst()
                .orElseThrow();
        JsonNode mount = list(shardContainer().path("volumeMounts")).stream()
                .filter(m -> m.path("name").asText().equals(volume.path("name").asText())).findFirst().orElseThrow();

        assertThat(volume.path("configMap").path("name").asText()).isEqualTo(TEAM_CONF);
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        assertThat(Path.of(named)).isAbsolute();
        JsonNode item = volume.path("configMap").path("items").get(0);
        assertThat(Path.of(mount.path("mountPath").asText(), item.path("path").asText())).isEqualTo(Path.of(named));
        String readme = Files.readString(K8S.resolve("README.md"));
        assertThat(readme).contains("kubectl create configmap " + TEAM_CONF + " --from-file="
                + item.path("key").asText() + "=");
    }

    @Test
    void theMergeReadsTheShardsSettings() throws IOException {
        JsonNode merge = read("merge-job.yaml").path("spec").path("template");
        JsonNode container = merge.path("spec").path("containers").get(0);

        assertThat(options(container)).isEqualTo(options(shardContainer()));
        assertThat(merge.path("spec").path("volumes").toString())
                .isEqualTo(read("shards-job.yaml").path("spec").path("template").path("spec").path("volumes")
                        .toString());
        assertThat(container.path("volumeMounts")).isEqualTo(shardContainer().path("volumeMounts"));
    }

    @Test
    void everyPlaceholderIsOneTheReadmeFillsIn() throws IOException {
        for (String file : List.of("shards-job.yaml", "merge-job.yaml", "results-pvc.yaml")) {
            String filled = fillIn(Files.readString(K8S.resolve(file)));
            assertThat(filled).as(file).doesNotContain("${");
        }
        String readme = Files.readString(K8S.resolve("README.md"));
        FILLED_IN.keySet().forEach(placeholder -> assertThat(readme).contains("$" + placeholder.substring(2,
                placeholder.length() - 1)));
    }

    /**
     * The container's JAVA_TOOL_OPTIONS as the JVM turns them into system properties (whitespace-separated
     * {@code -Dkey=value}; the manifests quote nothing).
     */
    private static Properties options(JsonNode container) {
        Properties properties = new Properties();
        for (String option : value(list(container.path("env")), JAVA_TOOL_OPTIONS).trim().split("\\s+")) {
            assertThat(option).as("a -Dkey=value option").startsWith("-D").contains("=");
            int equals = option.indexOf('=');
            properties.setProperty(option.substring(2, equals), option.substring(equals + 1));
        }
        return properties;
    }

    /** Writes each ConfigMap item the container mounts under {@code pod}, as the kubelet would (the README's data). */
    private static void mountConfigMaps(JsonNode podSpec, JsonNode container, Path pod) throws IOException {
        for (JsonNode volume : list(podSpec.path("volumes"))) {
            if (!volume.has("configMap")) {
                continue;
            }
            assertThat(volume.path("configMap").path("name").asText()).isEqualTo(TEAM_CONF);
            String mountPath = list(container.path("volumeMounts")).stream()
                    .filter(m -> m.path("name").asText().equals(volume.path("name").asText())).findFirst()
                    .orElseThrow().path("mountPath").asText();
            for (JsonNode item : list(volume.path("configMap").path("items"))) {
                assertThat(item.path("key").asText()).isEqualTo("team.conf");
                Path file = inPod(pod, mountPath + "/" + item.path("path").asText());
                Files.createDirectories(file.getParent());
                Files.copy(TEAM_CONF_FILE, file);
            }
        }
    }

    /** The options with every absolute path of {@code salerush.conf} moved under {@code pod}. */
    private static Properties inPod(Properties options, Path pod) {
        Properties moved = new Properties();
        moved.putAll(options);
        String files = options.getProperty(ConfigLoader.OVERRIDES_PROPERTY, "");
        moved.setProperty(ConfigLoader.OVERRIDES_PROPERTY, String.join(",", Arrays.stream(files.split(","))
                .map(file -> Path.of(file).isAbsolute() ? inPod(pod, file).toString() : file).toList()));
        return moved;
    }

    private static Path inPod(Path pod, String absolute) {
        return pod.resolve(absolute.substring(1));
    }

    private static JsonNode shardContainer() throws IOException {
        return read("shards-job.yaml").path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static String claimName(JsonNode pod) {
        return pod.path("volumes").get(0).path("persistentVolumeClaim").path("claimName").asText();
    }

    private static String mountPath(JsonNode container) {
        return container.path("volumeMounts").get(0).path("mountPath").asText();
    }

    private static String value(List<JsonNode> env, String name) {
        return env.stream().filter(e -> e.path("name").asText().equals(name)).findFirst().orElseThrow()
                .path("value").asText();
    }

    /** Every {@code ENV_*} constant of the contract. */
    private static Set<String> contractEnvNames() {
        return Set.copyOf(Arrays.stream(ShardContract.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("ENV_"))
                .map(K8sManifestShapeTest::constant).toList());
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(fillIn(Files.readString(K8S.resolve(file))));
    }

    private static String fillIn(String template) {
        String filled = template;
        for (Map.Entry<String, String> entry : FILLED_IN.entrySet()) {
            filled = filled.replace(entry.getKey(), entry.getValue());
        }
        return filled;
    }

    private static List<JsonNode> list(JsonNode array) {
        return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }
}
