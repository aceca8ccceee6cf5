// An archetype copies files without their modes: make the generated project's Maven Wrapper runnable (./mvnw).
def project = new File(request.outputDirectory, request.artifactId)
def wrapper = new File(project, 'mvnw')
if (!wrapper.setExecutable(true, false)) {
    throw new IllegalStateException("could not make ${wrapper} executable; run: chmod +x ${wrapper}")
}
