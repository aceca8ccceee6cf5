// An archetype copies files without their modes: make the generated project's Maven Wrapper and the nightly's scripts
// runnable (./mvnw, .ci/nightly-local).
def project = new File(request.outputDirectory, request.artifactId)
['mvnw', '.ci/install-packages', '.ci/staging-overlay', '.ci/nightly-local'].each { name ->
    def file = new File(project, name)
    if (!file.setExecutable(true, false)) {
        throw new IllegalStateException("could not make ${file} executable; run: chmod +x ${file}")
    }
}
