/**
 * The web demo behind {@code zkml4j serve}: a page where a person draws a digit and watches the
 * bundled MNIST model's classification be proven in zero knowledge and verified three ways (the
 * server's Java verifier, snarkjs in the browser, a Solidity verifier on an EVM chain), and the
 * JSON API under it, documented in the module's README, so a program can do the same.
 *
 * <p>{@link org.zkml4j.server.DemoServer} is the whole public surface, configured by
 * {@link org.zkml4j.server.ServerOptions}. It is a thin adapter over the {@code api} module: HTTP
 * comes from the JDK's {@code com.sun.net.httpserver}, JSON from Jackson, and one worker thread
 * proves one request at a time (a proof already uses every core), from a bounded queue whose
 * positions the clients see.
 */
package org.zkml4j.server;
