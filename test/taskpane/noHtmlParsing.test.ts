import { strict as assert } from "assert";
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

/*
 * The pane shows names typed by users or read from cells; the rule that keeps them text is that no
 * code path parses HTML. This scans the taskpane sources for every API that would.
 */
const SRC = join(__dirname, "..", "..", "src", "taskpane");
const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc)\b|\bnew Function\b|\beval\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("taskpane sources", () => {
  it("never parse HTML or evaluate strings", () => {
    const offenders = files(SRC).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ f, i, line }))
        .filter(({ line }) => HTML_SINKS.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)),
    );
    assert.deepEqual(offenders.map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`), []);
  });

  it("have an HTML template with no inline script or style", () => {
    const html = readFileSync(join(SRC, "taskpane.html"), "utf8");
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "inline <script>");
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, "inline style or event handler");
    assert.match(html, /http-equiv="Content-Security-Policy"/);
    assert.match(html, /<link rel="stylesheet" href="taskpane.css" \/>/, "the styles are a plain linked file");
    assert.match(html, /style-src 'self';/);
  });
});
