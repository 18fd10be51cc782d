package org.zkml4j.cli;

import java.util.Set;

/** A verb some of whose options are flags that take no value. */
interface FlagOptions {
  Set<String> flags();
}
