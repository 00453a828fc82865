/* Writes one help page per custom function (dist/help/<id>.html) from the generated functions.json and
 * the worked examples in src/functions/help-examples.json, so the @helpurl of every function resolves to
 * a page the add-in itself serves. Built from our own metadata only; everything is escaped anyway. */
const fs = require("fs");
const path = require("path");

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function page(fn, example, all) {
  const params = (fn.parameters || [])
    .map((p) => `<tr><td><code>${esc(p.name)}${p.optional ? " (optional)" : ""}</code></td><td>${esc(p.description || "")}</td></tr>`)
    .join("\n");
  const signature = `=HEDGE.${fn.id}(${(fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
  const ex = example
    ? `<h2>Example</h2>
<pre>${esc(example.formula)}</pre>
<p>returns <strong>${esc(example.result)}</strong>.</p>
${example.notes ? `<p>${esc(example.notes)}</p>` : ""}`
    : "";
  const nav = `<a href="catalog.html">Catalog</a> · ` + all.map((f) => `<a href="${esc(f.id.toLowerCase())}.html">${esc(f.id)}</a>`).join(" · ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>HEDGE.${esc(fn.id)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#201f1e;line-height:1.5}
code,pre{font-family:Consolas,monospace;background:#f3f2f1;padding:.1rem .3rem}pre{padding:.6rem;overflow:auto}
table{border-collapse:collapse}td{border-top:1px solid #edebe9;padding:.3rem .6rem;vertical-align:top}nav{font-size:.85rem;margin-top:2rem}</style>
</head><body>
<h1>HEDGE.${esc(fn.id)}</h1>
<p>${esc(fn.description || "")}</p>
<pre>${esc(signature)}</pre>
<h2>Arguments</h2>
<table>${params}</table>
${ex}
<nav>All functions: ${nav}</nav>
</body></html>
`;
}

function catalog(all, examples) {
  const rows = all
    .map((f) => `<tr><td><a href="${esc(f.id.toLowerCase())}.html">HEDGE.${esc(f.id)}</a></td><td>${esc(f.description || "")}</td><td><code>${esc(examples[f.id] ? examples[f.id].formula : "")}</code></td></tr>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Micro-Hedge functions</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#201f1e;line-height:1.5}
code{font-family:Consolas,monospace;background:#f3f2f1;padding:.1rem .3rem}table{border-collapse:collapse}td{border-top:1px solid #edebe9;padding:.3rem .6rem;vertical-align:top}</style>
</head><body>
<h1>Micro-Hedge functions</h1>
<p>Type <code>=HEDGE.</code> in a cell. Series are one column or one row of prices, oldest first; text options are case-insensitive.</p>
<table>${rows}</table>
</body></html>
`;
}

class HelpPagesPlugin {
  /** @param {{ devUrl: string, url: string }} urls help links in functions.json are rewritten from devUrl to url. */
  constructor(urls) {
    this.urls = urls;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      const { sources, Compilation } = compiler.webpack;
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const { devUrl, url } = this.urls;
          const json = asset.source.source().toString().split(devUrl).join(url);
          compilation.updateAsset("functions.json", new sources.RawSource(json));
          const meta = JSON.parse(json);
          const examplesFile = path.resolve(__dirname, "../src/functions/help-examples.json");
          compilation.fileDependencies.add(examplesFile);
          const examples = fs.existsSync(examplesFile) ? JSON.parse(fs.readFileSync(examplesFile, "utf8")) : {};
          for (const fn of meta.functions) {
            compilation.emitAsset(`help/${fn.id.toLowerCase()}.html`, new sources.RawSource(page(fn, examples[fn.id], meta.functions)));
          }
          compilation.emitAsset("help/catalog.html", new sources.RawSource(catalog(meta.functions, examples)));
        }
      );
    });
  }
}

module.exports = { HelpPagesPlugin, page };
