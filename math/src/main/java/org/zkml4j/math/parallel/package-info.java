/** The shared, sized executor that bulk arithmetic runs on. */
package org.zkml4j.math.parallel;
