package org.zkml4j.cli;

import java.util.List;

/**
 * Every verb of the command, in the order the overview lists them: the model workflow (demo,
 * serve, compile, inspect, setup, prove, verify, export-verifier), then snarkjs's Groth16 workflow.
 */
final class Commands {
  private Commands() {}

  static List<Command> all() {
    return List.of(
        new DemoCommand(),
        new ServeCommand(),
        new CompileCommand(),
        new InspectCommand(),
        new SetupCommand(),
        new ProveCommand(),
        new VerifyCommand(),
        new ExportVerifierCommand(),
        new PtauNewCommand(),
        new PtauContributeCommand(),
        new PtauBeaconCommand(),
        new PtauPreparePhase2Command(),
        new PtauVerifyCommand(),
        new R1csInfoCommand(),
        new WtnsCheckCommand(),
        new Groth16SetupCommand(),
        new ZkeyContributeCommand(),
        new ZkeyBeaconCommand(),
        new ZkeyVerifyCommand(),
        new ZkeyExportVerificationKeyCommand(),
        new ZkeyExportSolidityVerifierCommand(),
        new ZkeyExportSolidityCalldataCommand(),
        new Groth16ProveCommand(),
        new Groth16VerifyCommand());
  }
}
