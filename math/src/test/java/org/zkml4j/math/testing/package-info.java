/** Test support shared by the math module's tests: running the JavaScript reference implementations. */
package org.zkml4j.math.testing;
