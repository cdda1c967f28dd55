package org.crisisdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Starts the desk ({@code DeskStartupProbe}) in a JVM of its own the way an installed desk starts: its classes in a
 * jar, the desk's JVM options ({@code desk.jvm.options} from pom.xml) and a class-data archive made from the
 * committed class list, as {@code mvn package} makes {@code target/crisisdesk.jsa}. A directory of classes cannot be
 * archived, so the bench packs target/classes (and the probe) into a jar first.
 */
final class DeskLaunch {
    /** The committed list of classes a desk loads until its feed is painted; {@code mvn package} archives them. */
    static final Path CLASS_LIST = Path.of("src", "main", "cds", "crisisdesk.classlist");
    private static final Path DIR = Path.of("target", "bench", "launch");

    private final List<String> classPath;
    private final List<String> jvmOptions;

    private DeskLaunch(List<String> classPath, List<String> jvmOptions) {
        this.classPath = classPath;
        this.jvmOptions = jvmOptions;
    }

    /** Packs this build's classes into a jar beside the dependency jars of the running test JVM. */
    static DeskLaunch prepare() throws IOException {
        Files.createDirectories(DIR);
        Path appJar = DIR.resolve("desk-app.jar").toAbsolutePath();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(appJar))) {
            addTree(out, Path.of("target", "classes"), p -> true);
            addTree(out, Path.of("target", "test-classes"),
                    p -> p.toString().replace('\\', '/').contains("org/crisisdesk/desk/DeskStartupProbe"));
        }
        List<String> cp = new ArrayList<>();
        cp.add(appJar.toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.contains("surefire")) {
                cp.add(entry);
            }
        }
        String options = System.getProperty("desk.jvm.options", "").trim();
        return new DeskLaunch(cp, options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")));
    }

    /** Dumps a class-data archive of {@code classList} for this class path (about 10 s); returns its path. */
    Path dumpArchive(Path classList) throws Exception {
        Path archive = DIR.resolve("desk.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xshare:dump", "-Xlog:cds=error",
                "-XX:SharedClassListFile=" + classList.toAbsolutePath(), "-XX:SharedArchiveFile=" + archive,
                "-cp", String.join(java.io.File.pathSeparator, classPath)));
        run(cmd, 300);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no class-data archive from " + cmd);
        }
        return archive;
    }

    /** Opens the desk on {@code home} and returns the probe's KEY=value lines. */
    Map<String, String> probe(Path home, List<String> extraOptions) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.addAll(extraOptions);
        cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), "-Dfile.encoding=UTF-8",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Dheadless.geometry=1920x1200-32",
                "org.crisisdesk.desk.DeskStartupProbe", home.toString(), "3000"));
        if (Boolean.getBoolean("bench.launch.print")) {
            System.out.println("desk launch: " + String.join(" ", cmd));
        }
        Map<String, String> out = new HashMap<>();
        for (String line : run(cmd, 180)) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.matches("[A-Z_]+=.*")) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
            if (line.startsWith("AT ")) {
                System.out.println("  " + line);
            }
        }
        return out;
    }

    private static List<String> run(List<String> cmd, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return lines;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void addTree(JarOutputStream out, Path root, java.util.function.Predicate<Path> keep)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).filter(keep).sorted()::iterator) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                try (var in = Files.newInputStream(f)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /**
     * Writes the class list of a desk start on {@code home} to {@link #CLASS_LIST}, without the probe and the
     * headless platform (test-only classes). {@code mvn -B test -Pbench -Dtest=ScaleBench -Dbench.classlist=write}.
     */
    void writeClassList(Path home) throws Exception {
        Path raw = DIR.resolve("loaded.classlist").toAbsolutePath();
        probe(home, List.of("-XX:DumpLoadedClassList=" + raw));
        List<String> kept = Files.readAllLines(raw).stream()
                .filter(l -> !l.contains("DeskStartupProbe") && !l.contains("monocle") && !l.contains("jdk/proxy"))
                .toList();
        Files.createDirectories(CLASS_LIST.getParent());
        try (OutputStream o = Files.newOutputStream(CLASS_LIST)) {
            o.write(("# Classes a desk loads until its feed is painted, for the class-data archive `mvn package` makes"
                    + " (target/crisisdesk.jsa).\n# Generated: mvn -B test -Pbench -Dtest=ScaleBench"
                    + " -Dbench.classlist=write\n").getBytes(StandardCharsets.UTF_8));
            o.write((String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("class list: %,d lines written to %s%n", kept.size(), CLASS_LIST);
    }
}
