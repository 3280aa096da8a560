package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.protocol.ConnectionInfo;
import dev.footprint.kernel.protocol.KernelServer;
import dev.footprint.kernel.protocol.ScriptedEvaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client of the install-time training run drives a real kernel through start, a cell and shutdown. */
@Timeout(60)
class TrainingClientTest {

    @Test
    void asksForInfoRunsTheCellAndShutsTheKernelDown(@TempDir Path folder) throws Exception {
        Path file = TrainingClient.writeConnectionFile(folder.resolve("connection.json"));
        ScriptedEvaluator evaluator = new ScriptedEvaluator();
        KernelServer kernel = new KernelServer(ConnectionInfo.read(file), evaluator);
        kernel.start();
        try {
            TrainingClient.exercise(file, "value 2", Duration.ofSeconds(30), () -> true);
            assertTrue(kernel.awaitShutdown(Duration.ofSeconds(10)), "shutdown was requested");
            assertEquals(List.of("value 2"), evaluator.executed);
            assertEquals(1, kernel.history().size());
        } finally {
            kernel.close();
        }
    }

    @Test
    void aKernelThatEndedIsNotWaitedFor(@TempDir Path folder) throws Exception {
        Path file = TrainingClient.writeConnectionFile(folder.resolve("connection.json"));
        IOException failure = assertThrows(IOException.class,
                () -> TrainingClient.exercise(file, "1 + 1", Duration.ofSeconds(30), () -> false));
        assertTrue(failure.getMessage().contains("ended"), failure.getMessage());
    }
}
