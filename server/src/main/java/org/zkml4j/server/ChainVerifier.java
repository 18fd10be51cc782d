package org.zkml4j.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.zkml4j.api.chain.EvmChain;
import org.zkml4j.api.chain.OnChainVerdict;
import org.zkml4j.api.chain.VerifierContract;
import org.zkml4j.api.tools.NodeTools;
import org.zkml4j.groth16.Proof;

/**
 * Verification on an EVM chain: a local anvil this server starts, or the node at the user's
 * JSON-RPC URL, with the Solidity verifier of each circuit deployed once. Both contracts are
 * deployed in the background at start-up, so the page's first verification does not wait for the
 * Solidity compiler; a verification that arrives earlier waits for them.
 *
 * <p>{@code verifyProof} is sent as a transaction (not a call), so the answer carries the gas it
 * used and the transaction's hash, which a block explorer can show.
 */
final class ChainVerifier implements AutoCloseable {
  /** The chain and the two deployed verifiers. */
  private record Deployment(EvmChain chain, VerifierContract plain, VerifierContract committed) {}

  private final CompletableFuture<Deployment> deployment;
  private final String target;

  private ChainVerifier(CompletableFuture<Deployment> deployment, String target) {
    this.deployment = deployment;
    this.target = target;
  }

  /** Starts (or connects to) the chain and deploys both verifiers, in the background. */
  static ChainVerifier start(Optional<URI> rpcUrl, Optional<NodeTools> tools, ProofModels models, Consumer<String> log) {
    String target = rpcUrl.map(u -> "the node at " + u).orElse("a local anvil");
    CompletableFuture<Deployment> f = CompletableFuture.supplyAsync(() -> {
      NodeTools t = tools.orElseThrow(() -> new IllegalStateException("the Solidity compiler and anvil need the npm"
          + " tools: " + NodeTools.howToInstall()));
      EvmChain chain = null;
      try {
        chain = rpcUrl.isPresent() ? EvmChain.connect(rpcUrl.get()) : EvmChain.startLocal(t);
        log.accept("Chain: " + chain.describe() + "; deploying the two Groth16 verifier contracts...");
        VerifierContract plain = VerifierContract.deploy(chain, models.get(false).keys().verifyingKey(), t);
        VerifierContract committed = VerifierContract.deploy(chain, models.get(true).keys().verifyingKey(), t);
        log.accept("Chain: verifiers deployed at " + plain.address() + " (image private) and " + committed.address()
            + " (with the image commitment)");
        return new Deployment(chain, plain, committed);
      } catch (Exception e) {
        if (chain != null) {
          chain.close();
        }
        log.accept("Chain: unavailable (" + e.getMessage() + "); on-chain verification is off");
        throw new IllegalStateException(e.getMessage(), e);
      }
    }, Thread.ofPlatform().name("zkml4j-chain").daemon()::start);
    return new ChainVerifier(f, target);
  }

  /**
   * Sends {@code verifyProof} to the verifier of the circuit with this many public signals.
   *
   * @throws HttpError 503 if the chain could not be started or the contracts deployed
   */
  ObjectNode verify(ProofModels.Variant variant, Proof proof, List<BigInteger> signals) throws HttpError {
    Deployment d = await();
    VerifierContract c = variant.commit() ? d.committed() : d.plain();
    long start = System.nanoTime();
    OnChainVerdict v;
    try {
      v = c.verify(proof, signals);
    } catch (Exception e) {
      throw new HttpError(502, "the chain did not answer: " + e.getMessage());
    }
    return Json.object().put("accepted", v.accepted()).put("gasUsed", v.gasUsed())
        .put("transactionHash", v.transactionHash()).put("contract", c.address()).put("chain", d.chain().describe())
        .put("chainId", d.chain().chainId()).put("ms", Math.round((System.nanoTime() - start) / 1e5) / 10.0);
  }

  private Deployment await() throws HttpError {
    try {
      return deployment.get();
    } catch (ExecutionException e) {
      throw new HttpError(503, "on-chain verification is unavailable: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "interrupted while waiting for the chain");
    }
  }

  /** {@code {enabled, ready, chain | error}} for the page. */
  ObjectNode status() {
    ObjectNode s = Json.object().put("enabled", true).put("target", target);
    if (!deployment.isDone()) {
      return s.put("ready", false);
    }
    try {
      Deployment d = deployment.join();
      return s.put("ready", true).put("chain", d.chain().describe()).put("plainContract", d.plain().address())
          .put("commitContract", d.committed().address());
    } catch (RuntimeException e) {
      return s.put("ready", false).put("error", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    }
  }

  /** Stops the local chain, now or, if it is still starting, as soon as it has started. */
  @Override
  public void close() {
    deployment.thenAccept(d -> d.chain().close());
  }
}
