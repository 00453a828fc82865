import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";

/* `npm start` must serve on Linux even though the certificate tool cannot trust its CA without sudo:
 * start it with a fresh home directory (no certificates yet), wait until it serves, and fetch the
 * add-in's files over TLS verified against the CA it generated. */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe("npm start (scripts/start.js) on a machine without desktop Excel", function () {
  this.timeout(180_000);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "hedge-home-"));
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "hedge-dist-"));
  let child: ChildProcess;
  let output = "";
  let port = 0;

  before(async () => {
    port = await freePort();
    child = spawn(process.execPath, [path.resolve(__dirname, "../../scripts/start.js")], {
      env: { ...process.env, HOME: home, USERPROFILE: home, HEDGE_DIST_DIR: dist, HEDGE_PORT: String(port), HEDGE_START_MODE: "serve-only" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes("Upload My Add-in")) {
          clearInterval(timer);
          resolve();
        }
      }, 200);
      child.on("exit", (code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
  });

  after(() => {
    child?.kill();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it("creates development certificates and says how to trust the CA", () => {
    const ca = path.join(home, ".office-addin-dev-certs", "ca.crt");
    assert.ok(fs.existsSync(ca), output);
    assert.match(output, /update-ca-certificates/);
    assert.match(output, /certutil/);
  });

  it("serves the add-in over https with a certificate the generated CA signed", async () => {
    const ca = fs.readFileSync(path.join(home, ".office-addin-dev-certs", "ca.crt"));
    const meta = await get(`https://localhost:${port}/functions.json`, ca);
    assert.equal(meta.status, 200);
    assert.ok(JSON.parse(meta.body).functions.some((f: { id: string }) => f.id === "MINVAR"));
    for (const file of ["taskpane.html", "functions.js", "manifest.xml", "help/minvar.html"]) {
      assert.equal((await get(`https://localhost:${port}/${file}`, ca)).status, 200, file);
    }
    assert.equal((await get(`https://localhost:${port}/../package.json`, ca)).status, 404);
  });

  it("prints the steps for Excel on the web", () => {
    assert.match(output, /Upload My Add-in/);
    assert.match(output, /manifest\.xml/);
  });
});
