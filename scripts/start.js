#!/usr/bin/env node
/* npm start: build the add-in (and rebuild on change), make development certificates, serve dist/ on
 * https://localhost:3000 and sideload into desktop Excel where there is one. Where there is none (Linux,
 * or a machine without Office) it keeps serving and prints the steps for Excel on the web.
 *
 * Why not webpack-dev-server + office-addin-debugging alone: on Linux the certificate tool makes the
 * files but cannot trust the CA without sudo, and its getHttpsServerOptions() then throws; this script
 * falls back to the files it made and says how to trust the CA, so `npm start` serves everywhere. */
"use strict";
const fs = require("fs");
const https = require("https");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = process.env.HEDGE_DIST_DIR ? path.resolve(process.env.HEDGE_DIST_DIR) : path.join(ROOT, "dist");
// manifest.xml points at https://localhost:3000; Excel must find the add-in there. HEDGE_PORT exists for
// the start test, which must not collide with a developer's running `npm start`.
const PORT = Number(process.env.HEDGE_PORT || 3000);
// HEDGE_START_MODE=serve-only: no CA install and no sideloading (the start test; a CI machine).
const SERVE_ONLY = process.env.HEDGE_START_MODE === "serve-only";
const HOST = "localhost";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function log(message) {
  process.stdout.write(`${message}\n`);
}

async function certificates() {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  try {
    if (SERVE_ONLY) throw new Error("serve-only mode: the CA is not installed");
    const options = await devCerts.getHttpsServerOptions();
    log("Development certificates are installed and trusted.");
    return options;
  } catch (err) {
    // Typical on Linux: the files exist (or can be generated) but trusting the CA needs sudo.
    log(`Could not install/trust the development CA automatically: ${String(err.message || err).split("\n")[0]}`);
    const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
    if (!files.every((f) => fs.existsSync(f))) {
      await devCerts.generateCertificates();
    }
    log(trustInstructions(defaults.caCertificatePath));
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

function trustInstructions(caPath) {
  return [
    "",
    "Serving with the generated certificate; your browser will not trust it until you trust its CA:",
    `  CA certificate: ${caPath}`,
    "  Debian/Ubuntu system store:",
    `    sudo cp "${caPath}" /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
    "  Chrome/Edge/Chromium on Linux (NSS store; certutil is in libnss3-tools):",
    `    certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i "${caPath}"`,
    "  Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import.",
    "",
  ].join("\n");
}

function build() {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  const compiler = webpack(config);
  return new Promise((resolve, reject) => {
    let first = true;
    compiler.watch({ aggregateTimeout: 300 }, (err, stats) => {
      if (err) {
        if (first) reject(err);
        else log(`Build failed: ${err.message}`);
        return;
      }
      const info = stats.toString({ colors: false, preset: "errors-warnings" }).trim();
      if (stats.hasErrors()) {
        log(`Build has errors:\n${info}`);
        if (first) return reject(new Error("the first build failed"));
      } else {
        log(first ? "Built dist/ (rebuilds on change)." : "Rebuilt dist/.");
      }
      if (first) {
        first = false;
        resolve();
      }
    });
  });
}

function serve(tlsOptions) {
  const server = https.createServer({ cert: tlsOptions.cert, key: tlsOptions.key }, (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, `https://${HOST}`).pathname);
    const file = path.normalize(path.join(DIST, urlPath === "/" ? "taskpane.html" : urlPath));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, () => resolve(server));
  });
}

async function sideload() {
  if (SERVE_ONLY || (process.platform !== "win32" && process.platform !== "darwin")) return false;
  let devSettings;
  try {
    devSettings = require("office-addin-dev-settings");
  } catch {
    log("office-addin-debugging is not installed (it is optional), so the add-in is not sideloaded.");
    return false;
  }
  try {
    const { OfficeApp } = require("office-addin-manifest");
    const { AppType } = require("office-addin-dev-settings/lib/appType");
    await devSettings.sideloadAddIn(path.join(DIST, "manifest.xml"), OfficeApp.Excel, true, AppType.Desktop);
    log("Sideloaded into desktop Excel: it opens with the add-in; Home > Build a hedge opens the wizard.");
    return true;
  } catch (err) {
    log(`Could not sideload into desktop Excel (${String(err.message || err).split("\n")[0]}).`);
    return false;
  }
}

function webSteps() {
  return [
    "",
    "To use the add-in in Excel on the web:",
    "  1. Trust the development CA (above) so https://localhost:3000 opens without a warning;",
    "     check by opening https://localhost:3000/taskpane.html in the same browser.",
    "  2. Open a workbook at https://www.office.com (Excel on the web).",
    "  3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in (or Insert > Add-ins > Upload My Add-in).",
    `  4. Choose ${path.join(DIST, "manifest.xml")} (the same file as ./manifest.xml) and select Upload.`,
    "  5. Type =HEDGE. in a cell to see the functions; Home > Build a hedge opens the wizard.",
    "",
    "Preview without Excel: open https://localhost:3000/taskpane.html in a browser (runs on sample data).",
    "Press Ctrl+C to stop serving.",
  ].join("\n");
}

async function main() {
  const tls = await certificates();
  await build();
  await serve(tls);
  log(`Serving the add-in at https://${HOST}:${PORT}/ (taskpane.html, functions.js, functions.json, manifest.xml).`);
  const loaded = await sideload();
  if (!loaded) log(webSteps());
}

main().catch((err) => {
  process.stderr.write(`npm start failed: ${err.stack || err}\n`);
  process.exit(1);
});
