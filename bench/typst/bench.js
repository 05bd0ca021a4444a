// Typst side of bench/run.sh: compiles giao-uoc.typ (the 8-signer giao ước
// thidua writes from samples/hai-phong-khoi-huyen-2024.toml) to PDF with
// @myriaddreamin/typst-ts-node-compiler, one compiler reused for a warm
// batch, each document with another number (sys.inputs.so).
//
//   node bench.js [N]     (from bench/typst, after npm ci)
//
// Prints: the first document's time (compiler created, fonts loaded), the
// mean time per PDF of the N that follow, the pages and bytes of a PDF.
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('fs');
const path = require('path');

const n = Number(process.argv[2] || 200);
const src = fs.readFileSync(path.join(__dirname, 'giao-uoc.typ'), 'utf8');
const fonts = path.join(__dirname, '..', '..', 'fonts');
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

let t = process.hrtime.bigint();
const compiler = NodeCompiler.create({ workspace: __dirname, fontArgs: [{ fontPaths: [fonts] }] });
let pdf = compiler.pdf({ mainFileContent: src, inputs: { so: '0' } });
const cold = ms(t);
t = process.hrtime.bigint();
for (let i = 1; i <= n; i++) {
  pdf = compiler.pdf({ mainFileContent: src, inputs: { so: String(i) } });
}
const warm = ms(t) / n;
if (process.env.TYPST_PDF) fs.writeFileSync(process.env.TYPST_PDF, pdf);
const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
console.log(`typst ${n} PDF: đầu tiên ${cold.toFixed(1)} ms, sau đó ${warm.toFixed(2)} ms mỗi PDF (${pages} trang, ${(pdf.length / 1024).toFixed(0)} KB)`);
console.log(`TYPST_MS_PER_PDF=${warm.toFixed(3)}`);
