package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.cli.CliRun.s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.R1csFile;

/** The command line itself: verbs and aliases, help, and the exit code and message of each kind of mistake. */
class CommandLineTest {
  @TempDir
  static Path dir;

  private static Path cubic, unpreparedPtau;

  @BeforeAll
  static void files() throws IOException {
    cubic = dir.resolve("cubic.r1cs");
    R1csFile.write(TinyCircuit.cubic(), cubic);
    unpreparedPtau = dir.resolve("pot4.ptau");
    CliRun.ok("ptn", "bn254", "4", s(unpreparedPtau));
  }

  @Test
  void everyVerbAndAliasHasHelpWithItsSynopsis() {
    for (Command c : Commands.all()) {
      for (String name : c.names()) {
        List<String> words = new ArrayList<>(List.of(name.split(" ")));
        words.add("--help");
        CliRun r = CliRun.expect(ExitCode.OK, words.toArray(String[]::new));
        assertTrue(r.out().startsWith("Usage: zkml4j " + c.names().get(0) + " " + c.synopsis()), name + ":\n" + r.out());
        assertTrue(r.out().contains("Example"), name + " has an example");
        assertTrue(r.out().contains("Exit codes"), name + " lists the exit codes");
      }
    }
  }

  @Test
  void overviewListsEveryVerb() {
    CliRun help = CliRun.expect(ExitCode.OK, "--help");
    CliRun bare = CliRun.expect(ExitCode.USAGE);
    for (Command c : Commands.all()) {
      assertTrue(help.out().contains(c.names().get(0)), c.names().get(0));
    }
    assertEquals(help.out(), bare.out());
  }

  @Test
  void unknownVerbIsAUsageError() {
    CliRun r = CliRun.expect(ExitCode.USAGE, "groth16", "frobnicate", "x");
    assertTrue(r.err().contains("unknown verb 'groth16 frobnicate x'"), r.err());
  }

  @Test
  void missingArgumentIsAUsageErrorWithTheSynopsis() {
    CliRun r = CliRun.expect(ExitCode.USAGE, "powersoftau", "contribute", "only-one.ptau");
    assertTrue(r.err().contains("missing argument"), r.err());
    assertTrue(r.err().contains("usage: zkml4j powersoftau contribute <powersoftau.ptau> <new_powersoftau.ptau>"),
        r.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.expect(ExitCode.USAGE, "groth16", "prove", "--frobnicate=1");
    assertTrue(r.err().contains("unknown option --frobnicate=1"), r.err());
    assertTrue(r.err().contains("--threads"), "lists the options: " + r.err());
  }

  @Test
  void tooManyArgumentsIsAUsageError() {
    CliRun r = CliRun.expect(ExitCode.USAGE, "zkesc", "a.json", "b.json", "c.json");
    assertTrue(r.err().contains("too many arguments"), r.err());
  }

  @Test
  void badNumbersAndNamesAreUsageErrors() {
    assertTrue(CliRun.expect(ExitCode.USAGE, "ptn", "bn128", "29").err().contains("between 1 and 28"));
    assertTrue(CliRun.expect(ExitCode.USAGE, "ptn", "bn128", "ten").err().contains("whole number"));
    assertTrue(CliRun.expect(ExitCode.USAGE, "ptn", "bls12381", "4").err().contains("not supported"));
    String in = s(unpreparedPtau), out = s(dir.resolve("never.ptau"));
    assertTrue(CliRun.expect(ExitCode.USAGE, "ptb", in, out, "0x1234", "10").err().contains("hexadecimal"));
    assertTrue(CliRun.expect(ExitCode.USAGE, "ptb", in, out, "123", "10").err().contains("even number"));
    assertTrue(CliRun.expect(ExitCode.USAGE, "zkb", in, out, "12zz", "10").err().contains("not hexadecimal"));
    assertTrue(CliRun.expect(ExitCode.USAGE, "ptb", in, out, "1234", "9").err().contains("between 10 and 63"));
    assertTrue(CliRun.expect(ExitCode.USAGE, "g16v", "a", "b", "c", "--threads=0").err().contains("--threads"));
  }

  @Test
  void missingFileIsAnInputError() {
    Path missing = dir.resolve("no-such-key.json");
    CliRun r = CliRun.expect(ExitCode.INPUT, "groth16", "verify", s(missing), "public.json", "proof.json");
    assertTrue(r.err().contains("file not found: " + missing), r.err());
  }

  @Test
  void fileOfTheWrongKindIsAnInputError() {
    CliRun r = CliRun.expect(ExitCode.INPUT, "groth16", "setup", s(cubic), s(cubic), s(dir.resolve("k.zkey")));
    assertTrue(r.err().contains("expected a \"ptau\" file"), r.err());
  }

  @Test
  void circuitTooBigForTheCeremonySaysWhichPowerItNeeds() throws IOException {
    Path big = dir.resolve("squarings.r1cs");
    R1csFile.write(TinyCircuit.squarings(20), big);
    CliRun r = CliRun.expect(ExitCode.INPUT, "g16s", s(big), s(unpreparedPtau), s(dir.resolve("k.zkey")));
    assertTrue(r.err().contains("20 constraints and 1 public signals, so it needs a ptau of power >= 5"), r.err());
    assertTrue(r.err().contains("has power 4"), r.err());
  }

  @Test
  void unpreparedCeremonySaysToPrepareIt() {
    CliRun r = CliRun.expect(ExitCode.INPUT, "groth16", "setup", s(cubic), s(unpreparedPtau), s(dir.resolve("k.zkey")));
    assertTrue(r.err().contains("not prepared for phase 2; run: zkml4j powersoftau prepare phase2"), r.err());
  }

  @Test
  void multiWordAliasesTakeTheirWordsAndNoMore() {
    Path missing = dir.resolve("missing.r1cs");
    for (String[] verb : List.of(new String[] {"zkey", "verify", "r1cs"}, new String[] {"zkey", "verify"},
        new String[] {"zkvr"})) {
      List<String> words = new ArrayList<>(List.of(verb));
      words.addAll(List.of(s(missing), s(unpreparedPtau), "final.zkey"));
      CliRun r = CliRun.expect(ExitCode.INPUT, words.toArray(String[]::new));
      assertTrue(r.err().contains("zkml4j zkey verify r1cs: file not found: " + missing), r.err());
    }
  }

  @Test
  void snarkjsVerboseFlagIsAccepted() {
    CliRun r = CliRun.expect(ExitCode.INPUT, "g16v", "-v", s(dir.resolve("vk.json")), "p.json", "q.json");
    assertTrue(r.err().contains("file not found"), r.err());
  }

  @Test
  void pathsResolveAgainstTheClientsFolderForTheDaemon() throws UsageException {
    Path client = Path.of("/somewhere/else");
    Arguments a = Arguments.parse(List.of("in.zkey", "/abs/w.wtns", "--ptau", "p.ptau", "-o", "out"),
        java.util.Set.of("ptau", "o"), java.util.Set.of(), client);
    assertEquals(client.resolve("in.zkey"), a.path(0));
    assertEquals(Path.of("/abs/w.wtns"), a.path(1));
    assertEquals(client.resolve("p.ptau"), a.pathOption("ptau").orElseThrow());
    assertEquals(client.resolve("out"), a.pathOption("o").orElseThrow());
    assertEquals(client.resolve("proof.json"), a.path(5, "proof.json"));
    Arguments own = Arguments.parse(List.of("in.zkey"), java.util.Set.of(), java.util.Set.of());
    assertEquals(Path.of("in.zkey"), own.path(0), "a JVM of its own keeps paths as typed");
  }

  @Test
  void noDaemonFlagIsAcceptedInAJvmOfItsOwn() {
    CliRun r = CliRun.expect(ExitCode.OK, "--version", "--no-daemon");
    assertTrue(r.out().startsWith("zkml4j "), r.out());
  }
}
