package io.github.scptoolkit.image.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Emulator start-up with the documented command (docs/emulator.md, "Start it and call it", read from
 * that page): the extracted jar in {@code reference-server/target/emulator} run in Spring's AOT mode
 * with the archive the build made there. For a JDK other than the one that built it, the archive is made again the same way (the
 * build's training run) in a copy under {@code benchmarks/target}, since an archive belongs to the
 * JDK that wrote it. A start is ready when the emulator has printed its banner and
 * {@code /actuator/health} answers UP; the time is wall-clock from launching {@code java} to
 * ready, on this machine with nothing else of the benchmark running. After the last start, the
 * resident set size (VmRSS) is read, 100,000 signed Show Image requests are sent (4 threads), and
 * it is read again. Before each start, the plain start ({@code java -jar ...-exec.jar}, no options)
 * is timed the same way, so that the ratio of the two comes from the same minutes. A tree without
 * {@code target/emulator} (before issue 14) is measured with its documented
 * {@code java -jar ...-exec.jar}.
 */
final class EmulatorStartup {

    static final String BANNER = "SCP image-API emulator on";
    private static final Pattern PROCESS_RUNNING = Pattern.compile("process running for ([0-9.]+)");

    /**
     * @param readySeconds the documented command's starts
     * @param plainSeconds the plain {@code java -jar ...-exec.jar} starts (no options, no archive, no AOT
     *        mode: the start-up the issue measured at about 3 s), each right before one of the documented
     *        command's, so that both see the same machine
     */
    record Result(String java, String command, List<Double> readySeconds, List<Double> springProcessSeconds,
            String plainCommand, List<Double> plainSeconds, long rssAfterStartKb, long rssAfterRequestsKb,
            int requests) {

        /** Per pair of starts, documented / plain. */
        List<Double> ratios() {
            List<Double> r = new ArrayList<>();
            for (int i = 0; i < Math.min(readySeconds.size(), plainSeconds.size()); i++) {
                r.add(readySeconds.get(i) / plainSeconds.get(i));
            }
            return r;
        }
    }

    /** One start: when it was ready, Spring's own "process running for", and the running process. */
    private record Start(double readySeconds, Double springSeconds, Process process, int port) {
    }

    private EmulatorStartup() {
    }

    static Result measure(Path root, Path javaHome, int runs, int requests) throws Exception {
        String version = javaVersion(javaHome);
        Path built = root.resolve("reference-server/target/emulator");
        String java = javaHome.resolve("bin/java").toString();
        List<String> plain = plainCommand(root, javaHome);
        Path dir;
        List<String> command = new ArrayList<>();
        command.add(java);
        if (Files.isRegularFile(built.resolve("scp-image-emulator.jar"))) {
            dir = root.resolve("benchmarks/target/startup-java-" + version.replaceAll("[^0-9A-Za-z.]", "_"));
            copy(built, dir);
            train(javaHome, version, dir);
            // The documented command's options and jar, its paths moved to the copy.
            for (String word : documentedCommand(root)) {
                command.add(word.replace(EXTRACTED, dir.toAbsolutePath() + "/"));
            }
        } else {
            dir = root;
            command = plain;
        }
        List<Double> ready = new ArrayList<>();
        List<Double> spring = new ArrayList<>();
        List<Double> plainReady = new ArrayList<>();
        long rssStart = -1;
        long rssAfter = -1;
        for (int run = 0; run < runs; run++) {
            plainReady.add(plainStartSeconds(root, javaHome));
            Start started = start(command, dir);
            try {
                ready.add(started.readySeconds());
                if (started.springSeconds() != null) {
                    spring.add(started.springSeconds());
                }
                if (run == runs - 1) {
                    rssStart = rssKb(started.process().pid());
                    load("http://127.0.0.1:" + started.port(), requests);
                    rssAfter = rssKb(started.process().pid());
                }
            } finally {
                stop(started.process());
            }
        }
        return new Result(version, String.join(" ", command.subList(1, command.size())), ready, spring,
                String.join(" ", plain.subList(1, plain.size())), plainReady, rssStart, rssAfter, requests);
    }

    /** The plain start: {@code java -jar ...-exec.jar}, no options. */
    static List<String> plainCommand(Path root, Path javaHome) throws IOException {
        try (Stream<Path> jars = Files.list(root.resolve("reference-server/target"))) {
            Path execJar = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no emulator jar: build reference-server first"));
            return List.of(javaHome.resolve("bin/java").toString(), "-jar", execJar.toAbsolutePath().toString());
        }
    }

    /** Seconds from launching the plain start to ready (banner printed, health UP); then stops it. */
    static double plainStartSeconds(Path root, Path javaHome) throws Exception {
        Start start = start(plainCommand(root, javaHome), root);
        stop(start.process());
        return start.readySeconds();
    }

    /** Starts {@code command} on a free port and waits until it is ready (banner printed, health UP). */
    private static Start start(List<String> command, Path dir) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(command);
        args.add("--server.port=" + port);
        ProcessBuilder pb = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = pb.start();
        AtomicLong bannerAt = new AtomicLong();
        AtomicReference<Double> processRunning = new AtomicReference<>();
        Thread reader = new Thread(() -> read(process, start, bannerAt, processRunning));
        reader.setDaemon(true);
        reader.start();
        try {
            long healthAt = waitForHealth(port, process);
            while (bannerAt.get() == 0 && process.isAlive()) {
                Thread.sleep(5);
            }
            long readyAt = Math.max(healthAt, bannerAt.get());
            Thread.sleep(200);
            return new Start((readyAt - start) / 1e9, processRunning.get(), process, port);
        } catch (Exception | Error e) {
            stop(process);
            throw e;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void read(Process process, long start, AtomicLong bannerAt, AtomicReference<Double> processRunning) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains(BANNER) && bannerAt.get() == 0) {
                    bannerAt.set(System.nanoTime());
                }
                Matcher m = PROCESS_RUNNING.matcher(line);
                if (m.find()) {
                    processRunning.set(Double.parseDouble(m.group(1)));
                }
                if (System.getProperty("bench.startup.verbose") != null) {
                    System.out.println("  | " + line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static long waitForHealth(int port, Process process) throws InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited with " + process.exitValue());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
                c.setConnectTimeout(200);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200
                        && new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("UP")) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the emulator was not ready within 120 s");
    }

    /** {@code requests} signed Show Image requests (CURRENT version) from 4 threads. */
    private static void load(String endpoint, int requests) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(requests);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    LoadGenerator.get(Requests.showImage(endpoint, BenchmarkServer.IMAGE_PATH));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Where the build extracts the emulator, as the documented command names it. */
    private static final String EXTRACTED = "reference-server/target/emulator/";

    /**
     * The emulator command of docs/emulator.md ("Start it and call it") without {@code java}: its
     * options and {@code -jar} with the extracted jar.
     */
    static List<String> documentedCommand(Path root) throws IOException {
        String doc = Files.readString(root.resolve("docs/emulator.md"));
        Matcher m = Pattern.compile("\njava ((?:-\\S+ )+-jar " + Pattern.quote(EXTRACTED) + "\\S+)\n").matcher(doc);
        if (!m.find()) {
            throw new IllegalStateException("docs/emulator.md has no emulator command `java ... -jar " + EXTRACTED + "...`");
        }
        return List.of(m.group(1).split(" "));
    }

    /**
     * The build's training run (reference-server/pom.xml, execution emulator-cds-archive, and its
     * profile emulator-aot-cache): a dynamic class-data-sharing archive, on Java 25 and later an AOT
     * cache, of a start in Spring's AOT mode that also starts Tomcat and answers the training requests.
     */
    private static void train(Path javaHome, String version, Path dir) throws IOException, InterruptedException {
        Files.deleteIfExists(dir.resolve("scp-image-emulator.jsa"));
        boolean aotCache = Runtime.Version.parse(version).feature() >= 25;
        String archive = dir.resolve("scp-image-emulator.jsa").toAbsolutePath().toString();
        Process p = new ProcessBuilder(javaHome.resolve("bin/java").toString(),
                (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive, "-Xlog:cds=off",
                aotCache ? "-Xlog:aot=off" : "-Xlog:cds+dynamic=off", "-Dspring.aot.enabled=true", "-jar",
                dir.resolve("scp-image-emulator.jar").toAbsolutePath().toString(), "--server.port=0",
                "--scp.emulator.training-run=true", "--logging.level.root=WARN").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(dir.resolve("scp-image-emulator.jsa"))) {
            throw new IllegalStateException("the training run made no archive; see " + dir.resolve("training.log"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".jsa")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static String javaVersion(Path javaHome) throws IOException {
        Path release = javaHome.resolve("release");
        if (Files.exists(release)) {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        }
        return javaHome.getFileName().toString();
    }

    /** VmRSS of a process in kB (Linux); -1 where /proc is not there. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String describe(Result r) {
        return String.format(Locale.ROOT, "java %s: `%s`", r.java(), r.command());
    }
}
