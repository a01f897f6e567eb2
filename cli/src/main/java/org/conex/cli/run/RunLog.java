package org.conex.cli.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The run's log: every line goes to {@code run.log} with a timestamp; {@link #info} lines are also
 * shown on the console. The file is flushed after each line, so it survives a crash.
 */
public final class RunLog implements Closeable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final BufferedWriter file;
    private final PrintStream console;

    /** Appends to {@code file}, echoing info lines to {@code console}. */
    public RunLog(Path file, PrintStream console) throws IOException {
        this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.console = console;
    }

    /** A line shown on the console and written to the log. */
    public void info(String line) {
        console.println(line);
        console.flush();
        detail(line);
    }

    /** A line written to the log only. */
    public void detail(String line) {
        try {
            for (String l : line.split("\\R")) {
                file.write(TIME.format(LocalDateTime.now()) + "  " + l);
                file.newLine();
            }
            file.flush();
        } catch (IOException e) {
            console.println("conex: cannot write the run log: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
