import { createReadStream, existsSync, mkdirSync, statSync } from "fs";
import { createServer, Server } from "http";
import { AddressInfo } from "net";
import { extname, join, normalize, resolve } from "path";
import { Browser, ConsoleMessage, Page, chromium } from "playwright-core";

/**
 * The browser tests' harness: serves the built add-in from 127.0.0.1 on a random port, drives Debian's
 * Chromium, answers Office's CDN from the @microsoft/office-js package (there is no network), and
 * records every request, console message, page error and dialog so tests can assert there were none
 * they did not expect.
 */
export const ROOT = resolve(__dirname, "..", "..", "..");
export const DIST = process.env.HEDGE_DIST_DIR ? resolve(process.env.HEDGE_DIST_DIR) : join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "test-artifacts", "taskpane");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

export function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export interface Recorder {
  requests: string[];
  console: ConsoleMessage[];
  pageErrors: string[];
  dialogs: string[];
  /** Content-Security-Policy violations reported in the page: blocked URI and the script that tried. */
  violations: () => Promise<{ blockedURI: string; sourceFile: string; directive: string }[]>;
}

/** A page with Office's CDN answered locally and everything it does recorded. */
export async function openPane(browser: Browser, url: string, width = 360, officeAvailable = true): Promise<{ page: Page; rec: Recorder }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const rec: Recorder = {
    requests: [],
    console: [],
    pageErrors: [],
    dialogs: [],
    violations: () => page.evaluate(() => (window as unknown as { __violations: never[] }).__violations ?? []),
  };
  await page.addInitScript(() => {
    const list: unknown[] = [];
    (window as unknown as { __violations: unknown[] }).__violations = list;
    document.addEventListener("securitypolicyviolation", (e) =>
      list.push({ blockedURI: e.blockedURI, sourceFile: e.sourceFile, directive: e.effectiveDirective }),
    );
  });
  page.on("request", (r) => rec.requests.push(r.url()));
  page.on("console", (m) => rec.console.push(m));
  page.on("pageerror", (e) => rec.pageErrors.push(e.message));
  page.on("dialog", (d) => {
    rec.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.route(`${OFFICE_CDN}**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "");
    const file = normalize(join(OFFICE_DIST, name));
    if (!officeAvailable || !file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.abort();
    return route.fulfill({ path: file, contentType: "text/javascript" });
  });
  await page.goto(url);
  return { page, rec };
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * Office's script, outside Office, frames its telemetry page 3 s after loading (and styles that frame
 * inline): the CSP blocks both, by design, and Chromium logs each block as a console error.
 */
export function isOfficeTelemetryBlock(m: ConsoleMessage): boolean {
  if (m.type() !== "error" || !/Content Security Policy/.test(m.text())) return false;
  const from = m.location().url ?? "";
  return from.startsWith(OFFICE_CDN) || m.text().startsWith("Framing 'https://telemetryservice.firstpartyapps.oaspapps.com/'");
}
