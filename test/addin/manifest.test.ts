import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

/* The manifest is what Excel reads before any of our code runs: a wrong element here means no
 * functions and no taskpane, with no error a user can act on. */

type Node = Record<string, any>;
const asList = (x: unknown): Node[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]) as Node[];

function load(file: string): Node {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
  return parser.parse(fs.readFileSync(file, "utf8")).OfficeApp;
}

function resource(app: Node, kind: "Urls" | "ShortStrings", id: string): string {
  const group = app.VersionOverrides.Resources[kind];
  const entry = asList(group.Url ?? group.String).find((n) => n["@id"] === id);
  assert.ok(entry, `resource ${id}`);
  return entry["@DefaultValue"];
}

for (const [label, file] of [
  ["manifest.xml", path.resolve(__dirname, "../../manifest.xml")],
  ["dist/manifest.xml (as built)", path.resolve(__dirname, "../../dist/manifest.xml")],
] as const) {
  describe(label, () => {
    let app: Node;
    let host: Node;
    before(() => {
      app = load(file);
      host = app.VersionOverrides.Hosts.Host;
    });

    it("requires the shared runtime 1.1 and runs it with a long lifetime", () => {
      const sets = asList(app.Requirements.Sets.Set);
      assert.ok(sets.some((s) => s["@Name"] === "SharedRuntime" && s["@MinVersion"] === "1.1"));
      const runtime = asList(host.Runtimes.Runtime)[0];
      assert.equal(runtime["@lifetime"], "long");
      assert.equal(runtime["@resid"], "Taskpane.Url");
    });

    it("declares custom functions in the HEDGE namespace, on the shared runtime's page", () => {
      const cf = asList(host.AllFormFactors.ExtensionPoint).find((e) => e["@type"] === "CustomFunctions");
      assert.ok(cf, "CustomFunctions extension point");
      assert.equal(resource(app, "ShortStrings", cf.Namespace["@resid"]), "HEDGE");
      assert.equal(cf.Page.SourceLocation["@resid"], "Taskpane.Url");
      assert.match(resource(app, "Urls", cf.Metadata.SourceLocation["@resid"]), /\/functions\.json$/);
      assert.match(resource(app, "Urls", cf.Script.SourceLocation["@resid"]), /\/functions\.js$/);
    });

    it("puts a taskpane button on the Home tab", () => {
      const surface = asList(host.DesktopFormFactor.ExtensionPoint).find((e) => e["@type"] === "PrimaryCommandSurface");
      assert.ok(surface, "PrimaryCommandSurface extension point");
      assert.equal(surface.OfficeTab["@id"], "TabHome");
      const control = asList(surface.OfficeTab.Group.Control)[0];
      assert.equal(control.Action["@type"], "ShowTaskpane");
      assert.match(resource(app, "Urls", control.Action.SourceLocation["@resid"]), /\/taskpane\.html$/);
    });

    it("uses https for every URL", () => {
      const urls = fs.readFileSync(file, "utf8").match(/DefaultValue="https?:[^"]+"/g) ?? [];
      assert.ok(urls.length > 5);
      for (const u of urls) assert.match(u, /"https:\/\//);
    });
  });
}

describe("production build URL (ADDIN_URL)", function () {
  this.timeout(120_000);

  it("points the manifest and the functions' help links at the production host", () => {
    const { execFileSync } = require("child_process") as typeof import("child_process");
    const os = require("os") as typeof import("os");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "hedge-prod-"));
    try {
      execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, ADDIN_URL: "https://addins.example.com/micro-hedge", HEDGE_DIST_DIR: out },
        stdio: "pipe",
      });
      const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
      assert.ok(!manifest.includes("localhost"), "no localhost left in the manifest");
      assert.match(manifest, /https:\/\/addins\.example\.com\/micro-hedge\/functions\.json/);
      const meta = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
      for (const fn of meta.functions) assert.match(fn.helpUrl, /^https:\/\/addins\.example\.com\/micro-hedge\/help\//);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
