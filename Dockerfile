# syntax=docker/dockerfile:1
# The salerush shard image (issue 16): one container = one shard of a sharded run, or the merge of one.
# Build:  docker build -t salerush:dev .
# Shard:  docker run -e SALERUSH_SHARD_COUNT=2 -e SALERUSH_SHARD_INDEX=0 -e SALERUSH_RUN_ID=... \
#           -e SALERUSH_START_AT=<epoch ms> \
#           -e JAVA_OPTS="-Dprofile=load -Dtarget.baseUrl=http://shop:8080 -Dtarget.allowedHosts=shop" \
#           -v results:/results salerush:dev
# Merge:  docker run -v results:/results --entrypoint java salerush:dev -Dsalerush.root=/app -Dresults.dir=/results \
#           -cp "/app/resources:/app/classes:/app/libs/*:/app/test-classes" dev.salerush.sim.merge.MergeMain /results/<run id>
# The layout (/app/classes, /app/libs, /app/test-classes, /app/conf) is the one the Jib profile builds (mvn -Pjib).
# The env names are those of dev.salerush.sim.shard.ShardContract (deploy/k8s uses the same; a test checks).
# Downloads only the base images and, in the build stage, Maven and the project's artifacts from Maven Central.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the poms first: the dependency layer is rebuilt only when a pom changes
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY data-seeder/pom.xml data-seeder/
COPY demo-shop/pom.xml demo-shop/
COPY environment/pom.xml environment/
COPY archetype/pom.xml archetype/
COPY simulations/pom.xml simulations/
# best effort, for the layer cache only: whatever it misses, the package step below fetches
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
# the simulations are Gatling classes under src/test: package compiles them; copy-dependencies gathers the runtime jars
RUN ./mvnw -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory=target/libs -pl simulations -am

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/simulations/target/libs/ /app/libs/
COPY --from=build /src/simulations/target/classes/ /app/classes/
COPY --from=build /src/simulations/target/test-classes/ /app/test-classes/
COPY --from=build /src/conf/ /app/conf/
RUN useradd --uid 10001 --no-create-home salerush \
    && mkdir -p /results /tmp/gatling && chown salerush /results /tmp/gatling
USER salerush
# The shard's ShardContract variables are set by whoever starts it, never defaulted here: SALERUSH_SHARD_COUNT (N),
# SALERUSH_SHARD_INDEX (or JOB_COMPLETION_INDEX from an Indexed Job), SALERUSH_START_AT (epoch ms), SALERUSH_RUN_ID.
# Every run folder goes under /results: mount the shared volume there. The suite's settings (-Dprofile=load ...) go in
# JAVA_OPTS or JAVA_TOOL_OPTIONS (deploy/k8s uses the latter: the Jib image reads it too); none is set here, as a
# command-line -D would override JAVA_TOOL_OPTIONS. Gatling starts ConfiguredSimulation, which runs the class the
# `simulation` conf key names (-Dsimulation=... or a team conf; the built-in sale by default): the class must be in the
# image (under simulations/src/test/java when it is built).
ENV SIMULATION=dev.salerush.sim.gatling.ConfiguredSimulation \
    JAVA_OPTS="-Xmx2g"
VOLUME /results
# exec: the JVM is PID 1 and gets SIGTERM itself, so a stopped pod ends its run and writes its partial summary
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Dsalerush.root=/app -Dresults.dir=/results -Dsalerush.gatlingResults=/tmp/gatling -Dgatling.data.enableAnalytics=false -cp \"/app/classes:/app/libs/*:/app/test-classes\" io.gatling.app.Gatling --simulation \"$SIMULATION\" --results-folder /tmp/gatling \"$@\"", "--"]
