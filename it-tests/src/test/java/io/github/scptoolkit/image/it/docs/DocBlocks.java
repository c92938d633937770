package io.github.scptoolkit.image.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every fenced block of README.md, BENCHMARKS.md and docs/*.md, where it is (file and line), and,
 * for shell blocks, its commands. The checks of the docs read their blocks from here, through the
 * {@link DocClaims claim} of each check, so that what a check claims is what it verifies;
 * {@link EveryDocBlockIsCheckedTest} fails for a block no claim covers.
 *
 * <pre>
 * for (DocBlocks.Block block : DocBlocks.all()) {
 *     block.where();   // "docs/emulator.md:70"
 * }
 * </pre>
 */
public final class DocBlocks {

    /** The pages whose blocks are inventoried, from the project root. */
    static final List<String> TOP_LEVEL_PAGES = List.of("README.md", "BENCHMARKS.md");

    private DocBlocks() {
    }

    /**
     * A fenced block: the page (from the project root), the line of its opening fence, its language,
     * the rest of its info line (e.g. the file a {@code json} block is titled with) and its text
     * without the fences and without the fence's indentation.
     */
    public record Block(String page, int line, String language, String title, String text) {

        /** {@code page:line}, e.g. {@code docs/emulator.md:70}. */
        public String where() {
            return page + ":" + line;
        }

        /** The page's file name, e.g. {@code emulator.md}. */
        public String fileName() {
            return Path.of(page).getFileName().toString();
        }

        /** The commands of a shell block ({@link #commands(Block)}). */
        public List<Command> commands() {
            return DocBlocks.commands(this);
        }

        @Override
        public String toString() {
            return where();
        }
    }

    /**
     * One command of a shell block: the command as a shell reads it (continuation lines joined, a
     * trailing {@code # comment} cut off into {@link #note()}), the line it starts on, and the
     * {@code # ...} lines right below it, which show its output ({@link #output()}, without the
     * {@code "# "}).
     */
    public record Command(Block block, int line, String text, String note, List<String> output) {

        /** {@code page:line} of the command. */
        public String where() {
            return block.page() + ":" + line;
        }

        @Override
        public String toString() {
            return where() + " " + text;
        }
    }

    /** The project root: the directory with README.md and mvnw. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The inventoried pages, from the project root: README.md, BENCHMARKS.md and every docs/*.md. */
    public static List<String> pages() {
        List<String> pages = new ArrayList<>(TOP_LEVEL_PAGES);
        try (Stream<Path> files = Files.list(root().resolve("docs"))) {
            files.map(f -> "docs/" + f.getFileName()).filter(f -> f.endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Every fenced block of every inventoried page, in page order. */
    public static List<Block> all() {
        List<Block> blocks = new ArrayList<>();
        for (String page : pages()) {
            blocks.addAll(of(page));
        }
        return blocks;
    }

    /** The fenced blocks of one page (fences may be indented, as in a list item). */
    public static List<Block> of(String page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root().resolve(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        int start = -1;
        int indent = 0;
        String info = null;
        StringBuilder text = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (text == null && trimmed.startsWith("```")) {
                start = i + 1;
                indent = line.indexOf('`');
                info = trimmed.substring(3).strip();
                text = new StringBuilder();
            } else if (text != null && trimmed.equals("```")) {
                int space = info.indexOf(' ');
                String language = space < 0 ? info : info.substring(0, space);
                String title = space < 0 ? "" : info.substring(space + 1).strip();
                String body = text.length() == 0 ? "" : text.substring(0, text.length() - 1);
                blocks.add(new Block(page, start, language, title, body));
                text = null;
            } else if (text != null) {
                int cut = Math.min(indent, line.length() - line.stripLeading().length());
                text.append(line.substring(cut)).append('\n');
            }
        }
        if (text != null) {
            throw new IllegalStateException(page + ":" + start + ": a fenced block that is never closed");
        }
        return blocks;
    }

    /**
     * The commands of a shell block: a line ending in {@code \} continues on the next; a line that
     * starts with {@code #} shows the output of the command above it; blank lines separate nothing.
     */
    public static List<Command> commands(Block block) {
        List<Command> commands = new ArrayList<>();
        String[] lines = block.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (commands.isEmpty()) {
                    throw new IllegalStateException(block.where() + ": output shown before any command");
                }
                commands.get(commands.size() - 1).output().add(line.replaceFirst("^#\\s?", ""));
                continue;
            }
            int first = i;
            StringBuilder command = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < lines.length) {
                command.append(line, 0, line.length() - 1).append(' ');
                line = lines[++i].strip();
            }
            command.append(line);
            String text = command.toString().replaceAll("\\s+", " ").strip();
            String note = "";
            int hash = text.indexOf(" # ");
            if (hash >= 0) {
                note = text.substring(hash + 3).strip();
                text = text.substring(0, hash).strip();
            }
            commands.add(new Command(block, block.line() + 1 + first, text, note, new ArrayList<>()));
        }
        return commands;
    }

    /** The text of a page, from the project root, with {@code \n} line ends. */
    public static String read(String page) {
        try {
            return Files.readString(root().resolve(page)).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
