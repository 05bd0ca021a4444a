// Fills form-docxtemplater.docx from data.json N times with docxtemplater
// and prints milliseconds per fill, to compare with thidua's
// BenchmarkExecute on the same form (form-thidua.docx holds the same text
// with thidua's tags). Usage: node bench.js [N]
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const expressionParser = require("docxtemplater/expressions.js");

const parser = expressionParser.configure({
  filters: {
    in_hoa: (s) => String(s).toUpperCase(),
    ngay: (iso) => {
      const [y, m, d] = String(iso).split("-");
      return `ngày ${d} tháng ${m} năm ${y}`;
    },
  },
});

const form = fs.readFileSync(path.join(__dirname, "form-docxtemplater.docx"));
const data = JSON.parse(fs.readFileSync(path.join(__dirname, "data.json"), "utf8"));
const n = Number(process.argv[2] || 1000);

// fill does what one copy costs with docxtemplater: load the package,
// compile the template (an instance renders once), render and zip.
function fill() {
  const doc = new Docxtemplater(new PizZip(form), {
    paragraphLoop: true,
    linebreaks: true,
    delimiters: { start: "{{", end: "}}" },
    parser,
  });
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}

const sample = fill();
const xml = new PizZip(sample).file("word/document.xml").asText();
for (const want of ["Người 50", "ngày 14 tháng 03 năm 2023", "CỤM THI ĐUA CÁC TỈNH BẮC TRUNG BỘ", "nhân rộng các điển hình"]) {
  if (!xml.includes(want)) {
    throw new Error(`filled document lacks ${JSON.stringify(want)}`);
  }
}
fs.writeFileSync(path.join(os.tmpdir(), "thidua-bench-docxtemplater.docx"), sample);

for (let i = 0; i < 50; i++) fill(); // warm up the JIT
const start = process.hrtime.bigint();
for (let i = 0; i < n; i++) fill();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`docxtemplater ${require("docxtemplater/package.json").version}, node ${process.version}: ${n} fills in ${ms.toFixed(0)} ms, ${(ms / n).toFixed(3)} ms per fill`);
