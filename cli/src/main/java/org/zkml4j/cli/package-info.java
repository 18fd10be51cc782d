/**
 * The {@code zkml4j} command line: one class per verb, each a thin adapter that parses its
 * arguments, calls the library, and maps failures to messages and exit codes. The launcher runs
 * commands in {@link org.zkml4j.cli.DaemonServer}, a JVM kept warm between commands, through
 * {@link org.zkml4j.cli.DaemonClient}; {@link org.zkml4j.cli.DaemonFrames} is what they say.
 */
package org.zkml4j.cli;
