// Test script for Peers.runScript: answers each request line with the line reversed; a line
// "skip" gets no answer, so the runner's count check can be tested.
import { readFileSync } from "node:fs";

const input = readFileSync(0, "utf8");
for (const line of input.split("\n").slice(0, -1)) {
  if (line !== "skip") {
    console.log([...line].reverse().join(""));
  }
}
