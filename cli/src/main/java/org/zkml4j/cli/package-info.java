/**
 * The {@code zkml4j} command line: one class per verb, each a thin adapter that parses its
 * arguments, calls the library, and maps failures to messages and exit codes.
 */
package org.zkml4j.cli;
