package dev.logreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Progress goes to a terminal only: under the test runner stderr is a pipe or a file, so nothing is shown. */
class ProgressOptionTest {

    @Test
    void progressIsNotShownWhenStderrIsNotATerminalOrWithQuiet() {
        assertFalse(ProgressOption.stderrIsTerminal(), "the test runner's stderr is not a terminal");
        ProgressOption option = new ProgressOption();
        assertFalse(option.shown());
        List<String> seen = new ArrayList<>();
        Consumer<String> lines = option.of(seen::add);
        lines.accept("iteration 1");
        assertEquals(List.of(), seen);
        option.quiet = true;
        assertFalse(option.shown());
    }
}
