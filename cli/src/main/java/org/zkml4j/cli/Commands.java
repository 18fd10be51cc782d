package org.zkml4j.cli;

import java.util.List;

/** Every verb of the command, in the order the overview lists them: the order of a Groth16 workflow. */
final class Commands {
  private Commands() {}

  static List<Command> all() {
    return List.of(
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
