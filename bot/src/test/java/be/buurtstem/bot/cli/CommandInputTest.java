package be.buurtstem.bot.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What saturation and buurtkaart say about a bad input file: one line a person can act on. */
class CommandInputTest {
    final StringWriter said = new StringWriter();
    final PrintWriter err = new PrintWriter(said);

    @Test
    void whatWasReadComesBackAndNothingIsSaid() {
        assertEquals(Optional.of(42), CommandInput.read(err, () -> 42));
        assertEquals("", said.toString());
    }

    @Test
    void aMissingFileIsNamedWithoutItsExceptionsName() {
        assertEquals(Optional.empty(), CommandInput.read(err, () -> {
            throw new NoSuchFileException("answers/nope.jsonl");
        }));
        assertEquals("answers/nope.jsonl: no such file" + System.lineSeparator(), said.toString());
    }

    @Test
    void aBadValueSaysItsReason() {
        assertEquals(Optional.empty(), CommandInput.read(err, () -> {
            throw new CommandInput.BadInput("flag.csv:3: confirmed must be true or false, not \"ja\"");
        }));
        assertEquals(Optional.empty(), CommandInput.read(err, () -> {
            throw new IllegalArgumentException("x.txt: not an answer file (.jsonl, .csv or .tsv)");
        }));
        assertEquals("flag.csv:3: confirmed must be true or false, not \"ja\"" + System.lineSeparator()
                + "x.txt: not an answer file (.jsonl, .csv or .tsv)" + System.lineSeparator(), said.toString());
    }

    @Test
    void aFaultOfOursIsNotPassedOffAsBadInput() {
        assertThrows(NullPointerException.class, () -> CommandInput.read(err, () -> {
            throw new NullPointerException();
        }));
        assertEquals("", said.toString());
    }

    @Test
    void aRefusalIsOneLineAndTheExitCode() {
        assertEquals(2, CommandInput.refuse(err, "--segment area: write it as FIELD=VALUE, e.g. area=noord", 2));
        assertEquals("--segment area: write it as FIELD=VALUE, e.g. area=noord" + System.lineSeparator(),
                said.toString());
    }
}
