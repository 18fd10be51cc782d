/** Test support: circuits compiled and proved by the npm tools (circom2, snarkjs) as references. */
package org.zkml4j.groth16.testing;
