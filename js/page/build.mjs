// Build the light page's bundle into the Python package: npm ci && npm run build
// (or `node build.mjs FOLDER` to build into another template folder).
// The output (lk-page.js, lk-page.css, their version and THIRD-PARTY-NOTICES.txt) is
// committed; tests/page/test_page_bundle.py checks it is what this script builds from
// package-lock.json.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const OUT = process.argv[2] || "../../literacy_kit/page/data/voila/templates/lk-page";

const result = await build({
  entryPoints: { "lk-page": "src/index.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome90", "firefox90", "safari14"],
  legalComments: "none",
  charset: "utf8",
  outdir: `${OUT}/static`,
  define: { "process.env.NODE_ENV": '"production"' },
  // see src/sanitize.js
  alias: { "sanitize-html": "./src/sanitize.js" },
  metafile: true,
  logLevel: "warning",
});

// a version for the page's ?v= (the server lets browsers keep ?v= files for a year)
const hash = createHash("sha256");
for (const name of ["lk-page.js", "lk-page.css"]) {
  hash.update(readFileSync(`${OUT}/static/${name}`));
}
writeFileSync(`${OUT}/lk-page.version`, hash.digest("hex").slice(0, 16));

// the licence of every package with code in the bundle, next to it
const packages = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const input of Object.keys(output.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
    if (match) {
      packages.add(match[match.length - 1].replace(/^node_modules\/|\/$/g, ""));
    }
  }
}
const notices = [
  "The light page's script and styles (lk-page.js, lk-page.css) are built with esbuild",
  "from these packages of the npm registry (versions fixed by package-lock.json). Their",
  "licences follow.",
  "",
];
for (const name of [...packages].sort()) {
  const folder = `node_modules/${name}`;
  const meta = JSON.parse(readFileSync(`${folder}/package.json`, "utf8"));
  const licenceFile = readdirSync(folder).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
  notices.push("=".repeat(78), `Package: ${name} ${meta.version}`, `Licence: ${meta.license}`, "=".repeat(78));
  if (licenceFile && existsSync(`${folder}/${licenceFile}`)) {
    notices.push(readFileSync(`${folder}/${licenceFile}`, "utf8").trim());
  } else {
    const home = (meta.repository && (meta.repository.url || meta.repository)) || meta.homepage || "";
    notices.push(`The package holds no licence file; its package.json names the ${meta.license} licence. ${home}`.trim());
  }
  notices.push("");
}
writeFileSync(`${OUT}/static/THIRD-PARTY-NOTICES.txt`, notices.join("\n"));
