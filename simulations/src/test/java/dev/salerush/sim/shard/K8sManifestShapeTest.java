package dev.salerush.sim.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.merge.MergeMain;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of a sharded run (deploy/k8s) have the shape the shard contract needs: an Indexed Job of
 * N parallel shards that is never retried and stops every shard when one exits with
 * {@link ShardContract#EXIT_STOP_SIBLINGS}, env names that are the code's, one shard per node, a shared results
 * volume that the merge Job mounts too. The manifests are filled in the way the README says (envsubst) first.
 */
class K8sManifestShapeTest {
    private static final Path K8S = TestConfigs.PROJECT_ROOT.resolve("deploy/k8s");
    private static final int SHARDS = 3;
    private static final Map<String, String> FILLED_IN = Map.of("${RUN_ID}", "20261206-180000-load",
            "${SHARDS}", String.valueOf(SHARDS), "${START_AT}", "1796000000000", "${IMAGE}", "salerush:test",
            "${PROFILE}", "load", "${TARGET_URL}", "http://shop.internal:8080");
    /** Env the JVM reads, not the shard contract: the suite's -D settings. */
    private static final Set<String> JVM_ENV = Set.of("JAVA_TOOL_OPTIONS");

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
                .containsExactly(ShardContract.ENV_RUN_ID);
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
