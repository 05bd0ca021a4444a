// thidua serve: the page. The forms are built from /api/schema (the
// record's struct tags); every change goes to the server, which edits the
// TOML text in place, checks it and answers with the new text, the
// problems and the papers. Nothing here knows a record key by name except
// the list of members, which member pickers offer.
'use strict';

const $ = (id) => document.getElementById(id);
const token = document.querySelector('meta[name="thidua-token"]').content;

const state = {
  schema: [],
  templates: [],   // every paper the server makes: ten, ten_ngan, mo_ta
  chosen: null,    // the papers the clerk means to make; null: those the record has the sections of
  name: '',        // the file open
  text: '',        // its TOML text, as edited
  version: '',     // the version read or saved last
  dirty: false,
  an: null,        // the server's analysis of text
  previewURL: '',
  preview: null,   // the PDF shown, a Blob
  changedAt: 0,    // when the last change (or opening) happened, for timing the preview
  seq: 0,          // counts changes; an answer about an older text is dropped
};

// api sends a request; body is JSON unless it is FormData.
async function api(method, url, body) {
  const opt = { method, headers: { 'X-Thidua-Token': token } };
  if (body instanceof FormData) {
    opt.body = body;
  } else if (body !== undefined) {
    opt.headers['Content-Type'] = 'application/json';
    opt.body = JSON.stringify(body);
  }
  const res = await fetch(url, opt);
  const type = res.headers.get('Content-Type') || '';
  if (!type.startsWith('application/json')) {
    if (!res.ok) throw new Error(await res.text());
    return res;
  }
  const data = await res.json();
  if (!res.ok) {
    const err = new Error(data.loi + (data.chi_tiet ? '\n' + data.chi_tiet : ''));
    err.status = res.status;
    throw err;
  }
  return data;
}

function status(msg, bad) {
  $('status').textContent = msg;
  $('status').className = bad ? 'bad' : '';
}

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

// joinPath appends a key to a field path as the server names fields.
function joinPath(prefix, key) {
  if (key === '' || /[.\[\]" \t\r\n]/.test(key)) key = JSON.stringify(key);
  return prefix ? prefix + '.' + key : key;
}

// ---- records ----

async function loadList(select) {
  const list = await api('GET', '/api/ho-so');
  const sel = $('records');
  sel.replaceChildren(el('option', { value: '' }, '(chọn hồ sơ trong thư mục)'));
  for (const r of list) sel.append(el('option', { value: r.ten }, r.ten + (r.tieu_de ? ' — ' + r.tieu_de : '')));
  if (select) sel.value = select;
}

async function openRecord(name) {
  if (state.dirty && !confirm('Hồ sơ ' + state.name + ' có phần sửa chưa lưu. Bỏ phần sửa đó?')) {
    $('records').value = state.name;
    return;
  }
  try {
    const r = await api('GET', '/api/ho-so/' + encodeURIComponent(name));
    state.name = r.ten; state.text = r.noi_dung; state.version = r.phien_ban; state.dirty = false;
    if (state.previewURL) URL.revokeObjectURL(state.previewURL);
    state.previewURL = ''; state.preview = null; state.changedAt = performance.now();
    state.chosen = null;
    location.hash = encodeURIComponent(name);
    $('records').value = name;
    $('banner').hidden = true;
    $('raw').value = r.noi_dung;
    for (const b of ['btn-save', 'btn-save-as', 'btn-next']) $(b).disabled = false;
    $('form-empty').hidden = true;
    show(r, true);
    status('Đã mở ' + name);
  } catch (e) {
    status(e.message, true);
  }
}

async function save() {
  try {
    const r = await api('POST', '/api/luu/' + encodeURIComponent(state.name), { noi_dung: state.text, phien_ban: state.version });
    state.version = r.phien_ban; state.dirty = false;
    $('banner').hidden = true;
    status('Đã lưu ' + state.name + ' lúc ' + new Date().toLocaleTimeString('vi-VN') + ' (bản trước: ' + state.name + '.bak)');
  } catch (e) {
    // Not saved: say so where it cannot be missed; the text stays in the page.
    status('Chưa lưu', true);
    $('banner-text').textContent = e.message;
    $('banner').hidden = false;
  }
}

async function saveAs() {
  const name = prompt('Lưu nội dung đang sửa thành tệp mới, tên:', state.name.replace(/\.toml$/, '') + '-ban-sua.toml');
  if (!name) return;
  try {
    const created = await api('POST', '/api/tao', { ten: name, noi_dung: state.text });
    state.name = created.ten; state.version = created.phien_ban; state.dirty = false;
    $('banner').hidden = true;
    location.hash = encodeURIComponent(created.ten);
    await loadList(created.ten);
    status('Đã lưu thành ' + created.ten);
  } catch (e) {
    status(e.message, true);
  }
}

async function createRecord(name, from) {
  if (state.dirty && !confirm('Hồ sơ ' + state.name + ' có phần sửa chưa lưu. Bỏ phần sửa đó để mở hồ sơ mới?')) return;
  const r = await api('POST', '/api/tao', { ten: name, tu: from });
  state.dirty = false;
  await loadList(r.ten);
  await openRecord(r.ten);
}

async function nextYear() {
  const suggested = state.name.replace(/(\d{4})/, (y) => String(+y + 1));
  const name = prompt('Hồ sơ năm sau, làm từ ' + state.name + ' (năm tăng 1, bỏ ngày họp, số văn bản và kết quả của năm cũ). Tên tệp mới:',
    suggested === state.name ? state.name.replace(/\.toml$/, '-nam-sau.toml') : suggested);
  if (!name) return;
  try {
    await createRecord(name, 'nam-sau:' + state.name);
  } catch (e) {
    status(e.message, true);
  }
}

// ---- editing ----

// change sends form edits; the server edits the text and checks it.
// Edits go one after the other, each on the text the last one made.
let edits = Promise.resolve();
function change(changes, rebuild) {
  edits = edits.then(() => sendChange(changes, rebuild));
  return edits;
}

async function sendChange(changes, rebuild) {
  state.seq++;
  state.changedAt = performance.now();
  try {
    // The answer brings the PDF of the paper shown, when the record makes it.
    const paper = shownPaper();
    const r = await api('POST', '/api/sua', { ten: state.name, noi_dung: state.text, thay_doi: changes, giay_chon: state.chosen || undefined, ...paper });
    r.pdfOf = JSON.stringify(paper);
    state.text = r.noi_dung; state.dirty = true;
    $('raw').value = r.noi_dung;
    // A member's id or name changes the member pickers.
    show(r, rebuild || changes.some((c) => /^thanh_vien\[\d+\]\.(id|ten|ten_ngan)$/.test(c.khoa)));
  } catch (e) {
    status(e.message, true);
  }
}

let rawTimer = 0;
function rawInput() {
  clearTimeout(rawTimer);
  rawTimer = setTimeout(async () => {
    state.text = $('raw').value; state.dirty = true;
    const seq = ++state.seq;
    const r = await api('POST', '/api/kiem-tra', { ten: state.name, noi_dung: state.text, giay_chon: state.chosen || undefined });
    if (seq !== state.seq) return;
    show(r, true);
  }, 400);
}

// choose takes the papers ticked in the chooser and asks again what they
// lack; the record does not change.
async function choose() {
  state.chosen = [...document.querySelectorAll('#chooser-papers input:checked')].map((i) => i.value);
  const seq = ++state.seq;
  try {
    const r = await api('POST', '/api/kiem-tra', { ten: state.name, noi_dung: state.text, giay_chon: state.chosen });
    if (seq !== state.seq) return;
    r.pdf = state.an && state.an.pdf; r.pdfOf = state.an && state.an.pdfOf; // the preview stays
    show(r, false);
  } catch (e) {
    status(e.message, true);
  }
}

// show puts an analysis on the page: form, problems, results, papers.
function show(an, rebuild) {
  state.an = an;
  if (rebuild || !$('form').firstChild) buildForm();
  showErrors();
  showLacking();
  showCheck();
  showPapers();
  preview();
}

// ---- the form, from the schema ----

function buildForm() {
  const form = $('form');
  const open = new Set([...form.querySelectorAll('details[open]')].map((d) => d.dataset.path));
  // The input being typed in keeps its focus and what is typed so far.
  const active = document.activeElement && form.contains(document.activeElement) ? document.activeElement : null;
  const focused = active && active.dataset.path;
  form.replaceChildren();
  try {
    formSections(form, open);
  } finally {
    const again = focused && form.querySelector('[data-path="' + CSS.escape(focused) + '"]');
    if (again) {
      if (again.tagName !== 'SELECT') again.value = active.value;
      again.focus();
    }
  }
}

function formSections(form, open) {
  const values = state.an && state.an.gia_tri;
  if (!values) {
    form.append(el('p', { class: 'hint' }, 'Văn bản TOML đang có lỗi cú pháp nên chưa hiện được biểu mẫu; sửa ở thẻ "Văn bản TOML".'));
    return;
  }
  for (const k of state.schema) {
    const has = values[k.key] !== undefined;
    const d = el('details', { 'data-path': k.path, open: has && (open.size === 0 || open.has(k.path)) || open.has(k.path) },
      el('summary', {}, k.label, has ? '' : el('span', { class: 'absent' }, ' (chưa có)')));
    d.append(field(k, k.key, values[k.key]));
    form.append(d);
  }
}

const scalar = (k) => !['table', 'array-of-tables', 'map'].includes(k.type);

// field makes the inputs of one key at path holding value.
function field(k, path, value) {
  switch (k.type) {
    case 'table': {
      const box = el('div', { class: 'table', 'data-path': path });
      if (k.need) box.append(el('span', { class: 'need wide' }, k.label + ': ' + printedIn(k)));
      for (const c of k.keys) box.append(field(c, joinPath(path, c.key), value && value[c.key]));
      box.append(errSlot());
      return box;
    }
    case 'array-of-tables':
      return items(k, path, Array.isArray(value) ? value : []);
    case 'map':
      return mapField(k, path, value || {});
  }
  return el('div', { class: 'field' + (k.type === 'lines' ? ' wide' : '') },
    el('label', { for: 'f:' + path }, k.label, k.required ? el('span', { class: 'req', title: 'bắt buộc' }, ' *') : null, needNote(k)),
    input(k, path, value), errSlot());
}

// paperName is what the clerk calls a paper (template name).
function paperName(n) {
  const t = state.templates.find((t) => t.ten === n);
  return t ? t.ten_ngan : n;
}

// printedIn says which papers print a key, from its need tag.
function printedIn(k) { return 'in trong: ' + k.need.map(paperName).join(', '); }

function needNote(k) { return k.need ? el('span', { class: 'need' }, printedIn(k)) : null; }

function errSlot() { return el('div', { class: 'err', 'aria-live': 'polite' }); }

// enumText is what a select shows for an enum value: what it means, with
// the value the record holds after it ("Sơ kết (so-ket)").
function enumText(value, label) {
  return label ? label.charAt(0).toUpperCase() + label.slice(1) + ' (' + value + ')' : value;
}

function input(k, path, value) {
  const common = { id: 'f:' + path, 'data-path': path, onchange: (ev) => change([{ loai: 'dat', khoa: path, gia_tri: ev.target.value }]) };
  const v = value === undefined || value === null ? '' : value;
  switch (k.type) {
    case 'enum':
    case 'member-ref': {
      const opts = k.type === 'enum' ? k.enum.map((o, i) => [o, enumText(o, (k.enum_labels || [])[i])]) : members();
      const sel = el('select', common, el('option', { value: '' }, '(chưa chọn)'));
      for (const [o, text] of opts) sel.append(el('option', { value: o }, text));
      if (v !== '' && !opts.some(([o]) => o === v)) sel.append(el('option', { value: v }, v));
      sel.value = v;
      return sel;
    }
    case 'lines': {
      const lines = Array.isArray(v) ? v : v === '' ? [] : [v];
      const ta = el('textarea', { ...common, rows: Math.min(Math.max(lines.length + 1, 2), 12), placeholder: 'mỗi ' + (k.item || 'mục') + ' một dòng',
        onchange: (ev) => change([{ loai: 'dat', khoa: path, gia_tri: ev.target.value.split('\n') }]) });
      ta.value = lines.join('\n');
      return ta;
    }
    case 'date': {
      const text = el('input', { ...common, value: v, placeholder: 'ngày/tháng/năm', inputmode: 'numeric', class: 'date' });
      const pick = el('input', { type: 'date', class: 'picker', tabindex: '-1', 'aria-hidden': 'true',
        onchange: (ev) => { const [y, m, d] = ev.target.value.split('-'); text.value = d + '/' + m + '/' + y; text.dispatchEvent(new Event('change')); } });
      const btn = el('button', { type: 'button', class: 'cal', title: 'Chọn ngày trên lịch', onclick: () => pick.showPicker ? pick.showPicker() : pick.click() }, 'Lịch');
      return el('span', { class: 'datebox' }, text, btn, pick);
    }
    case 'int':
    case 'number':
      return el('input', { ...common, value: v, inputmode: 'decimal', class: 'num', placeholder: k.example ? 'vd. ' + k.example : '' });
  }
  return el('input', { ...common, value: v, placeholder: k.example ? 'vd. ' + k.example.replace(/^"|"$/g, '') : '' });
}

// members lists the ids and names of the record's members, for the pickers.
function members() {
  const v = state.an && state.an.gia_tri && state.an.gia_tri.thanh_vien;
  if (!Array.isArray(v)) return [];
  return v.filter((m) => typeof m.id === 'string' && m.id).map((m) => [m.id, m.id + ' (' + (m.ten_ngan || m.ten || '') + ')']);
}

// items shows an array of tables: a table with a row per item when the
// items hold only values (and tables of values), cards otherwise.
function items(k, path, list) {
  const flat = [];
  let simple = true;
  for (const c of k.keys) {
    if (scalar(c)) flat.push([c, [c.key]]);
    else if (c.type === 'table' && c.keys.every(scalar)) {
      // A table's need is its columns' (every member's head: the pledge).
      for (const g of c.keys) flat.push([{ ...g, label: c.label + ': ' + g.label, need: c.need || g.need ? [...new Set([...(c.need || []), ...(g.need || [])])] : undefined }, [c.key, g.key]]);
    }
    else simple = false;
  }
  const box = el('div', { class: 'items', 'data-path': path });
  const controls = (i) => el('td', { class: 'ctl' },
    el('button', { type: 'button', title: 'Lên trên', disabled: i === 0, onclick: () => change([{ loai: 'chuyen', khoa: path + '[' + (i + 1) + ']', vi_tri: i }], true) }, '↑'),
    el('button', { type: 'button', title: 'Xuống dưới', disabled: i === list.length - 1, onclick: () => change([{ loai: 'chuyen', khoa: path + '[' + (i + 1) + ']', vi_tri: i + 2 }], true) }, '↓'),
    el('button', { type: 'button', title: 'Xóa ' + (k.item || 'mục') + ' này', class: 'del',
      onclick: () => confirm('Xóa ' + (k.item || 'mục') + ' thứ ' + (i + 1) + '?') && change([{ loai: 'xoa', khoa: path + '[' + (i + 1) + ']' }], true) }, '✕'));
  if (simple) {
    const head = el('tr', {}, el('th', {}, '#'));
    for (const [c] of flat) head.append(el('th', {}, c.label, c.required ? el('span', { class: 'req' }, ' *') : null, needNote(c)));
    head.append(el('th', {}));
    const table = el('table', { class: 'grid' }, el('thead', {}, head));
    const body = el('tbody');
    list.forEach((item, i) => {
      const ip = path + '[' + (i + 1) + ']';
      const tr = el('tr', { 'data-path': ip }, el('td', { class: 'n' }, String(i + 1)));
      for (const [c, keys] of flat) {
        let v = item;
        for (const key of keys) v = v && v[key];
        const p = keys.reduce((acc, key) => joinPath(acc, key), ip);
        const box = input(c, p, v);
        (box.matches('input,select,textarea') ? box : box.querySelector('input')).setAttribute('aria-label', c.label + ' ' + (i + 1));
        tr.append(el('td', {}, box, errSlot()));
      }
      tr.append(controls(i));
      body.append(tr);
    });
    table.append(body);
    box.append(el('div', { class: 'scroll' }, table));
  } else {
    list.forEach((item, i) => {
      const ip = path + '[' + (i + 1) + ']';
      const card = el('div', { class: 'card', 'data-path': ip },
        el('div', { class: 'cardhead' }, el('b', {}, (k.item || 'mục') + ' ' + (i + 1)), el('table', {}, el('tr', {}, controls(i)))));
      for (const c of k.keys) card.append(field(c, joinPath(ip, c.key), item[c.key]));
      card.append(errSlot());
      box.append(card);
    });
  }
  box.append(errSlot(), el('button', { type: 'button', class: 'add', onclick: () => change([{ loai: 'them', khoa: path }], true) }, '+ Thêm ' + (k.item || 'mục')));
  return box;
}

// mapField shows a table whose keys are criteria codes: one input per
// code of the criteria set, and per code already written.
function mapField(k, path, value) {
  const codes = new Set();
  const groups = state.an.gia_tri.bo_tieu_chi && state.an.gia_tri.bo_tieu_chi.nhom;
  if (Array.isArray(groups)) for (const g of groups) for (const c of g.tieu_chi || []) if (c.ma) codes.add(String(c.ma));
  for (const c of Object.keys(value)) codes.add(c);
  const box = el('div', { class: 'field wide map', 'data-path': path }, el('label', {}, k.label, k.required ? el('span', { class: 'req' }, ' *') : null));
  const row = el('div', { class: 'mapgrid' });
  for (const code of codes) {
    const p = joinPath(path, code);
    row.append(el('label', { class: 'mapcell' }, code, input({ type: k.of, label: code }, p, value[code]), errSlot()));
  }
  box.append(row, errSlot());
  return box;
}

// ---- problems ----

// showErrors puts each problem next to the input of its path, or of the
// nearest parent shown, and lists them all.
function showErrors() {
  for (const s of document.querySelectorAll('#form .err')) s.replaceChildren();
  for (const i of document.querySelectorAll('#form [aria-invalid]')) i.removeAttribute('aria-invalid');
  const errs = (state.an && state.an.loi) || [];
  const list = $('summary-list');
  list.replaceChildren();
  $('summary').hidden = errs.length === 0;
  $('summary-title').textContent = errs.length ? 'Hồ sơ còn ' + errs.length + ' lỗi; sửa xong mới có giấy tờ:' : '';
  for (const e of errs) {
    const target = findInput(e.khoa);
    const msg = e.loi + (e.cach_sua ? ' — Cách sửa: ' + e.cach_sua : '');
    if (target) {
      const slot = errSlotOf(target);
      if (slot) slot.append(el('div', {}, msg));
      if (target.matches('input,select,textarea')) target.setAttribute('aria-invalid', 'true');
      for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    }
    list.append(el('li', {}, el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); goTo(e); } },
      (e.dong ? 'dòng ' + e.dong + ', cột ' + e.cot + ': ' : '') + (e.khoa ? e.khoa + ': ' : '') + e.loi),
      e.cach_sua ? el('div', { class: 'fix' }, 'Cách sửa: ' + e.cach_sua) : null));
  }
  if (state.name) status((state.dirty ? 'Chưa lưu' : 'Chưa sửa gì') + (errs.length ? '; còn ' + errs.length + ' lỗi' : '; hồ sơ hợp lệ'));
}

// showLacking shows the papers the clerk may choose and, on the form,
// what the chosen ones print and the record does not give yet (the
// server's record.Need over them): the inputs tinted, a note naming the
// papers under each.
function showLacking() {
  for (const i of document.querySelectorAll('#form .lack')) i.classList.remove('lack');
  const an = state.an;
  $('chooser').hidden = !an || !an.gia_tri || !state.templates.length;
  if ($('chooser').hidden) return;
  const chosen = state.chosen || an.giay_co_phan || [];
  const box = $('chooser-papers');
  box.replaceChildren();
  for (const t of state.templates) {
    const on = chosen.includes(t.ten);
    box.append(el('label', { title: t.mo_ta }, el('input', { type: 'checkbox', value: t.ten, checked: on, onchange: choose }), t.ten_ngan,
      on && !(an.giay_co_phan || []).includes(t.ten) ? el('span', { class: 'absent' }, ' (hồ sơ chưa có phần của giấy này)') : null));
  }
  const lack = an.thieu || [];
  $('chooser-lack').className = lack.length ? 'some' : '';
  $('chooser-lack').textContent = !chosen.length ? 'Chưa chọn giấy tờ nào.'
    : lack.length ? 'Các giấy tờ đã chọn còn thiếu ' + lack.length + ' mục (tô vàng trong biểu mẫu):'
      : 'Hồ sơ có đủ các mục mà các giấy tờ đã chọn cần.';
  const list = $('chooser-list');
  list.replaceChildren();
  // The inputs of each field lacking, or of what it holds (a head's name
  // and title): one pass over the inputs, each looked up by its path and
  // its parents' paths.
  const byPath = new Map(lack.map((e) => [e.khoa, { e, targets: [] }]));
  if (byPath.size) {
    for (const i of document.querySelectorAll('#form input[data-path], #form select[data-path], #form textarea[data-path]')) {
      for (let p = i.dataset.path; p; p = parent(p)) {
        const hit = byPath.get(p);
        if (hit) { hit.targets.push(i); break; }
      }
    }
  }
  const noted = new Set();
  for (const { e, targets } of byPath.values()) {
    const note = 'Còn thiếu cho: ' + (e.giay || []).map(paperName).join(', ') + (e.cach_sua ? ' — Cách sửa: ' + e.cach_sua : '');
    if (!targets.length) { const t = findInput(e.khoa); if (t) targets.push(t); }
    for (const t of targets) {
      if (t.matches('input,select,textarea')) t.classList.add('lack');
      const slot = errSlotOf(t);
      if (slot && !noted.has(slot)) {
        noted.add(slot);
        slot.append(el('div', { class: 'lack-note' }, note));
      }
      for (let d = t.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    }
    list.append(el('li', {}, el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); goTo(e); } }, (e.khoa ? e.khoa + ': ' : '') + e.loi)));
  }
}

// errSlotOf is where a problem about an element is written: next to an
// input, at the end of a table or card, under a list for one of its rows.
function errSlotOf(target) {
  if (target.matches('input,select,textarea')) return target.closest('td, .field, .mapcell').querySelector('.err');
  if (target.matches('tr')) return target.closest('.items').querySelector(':scope > .err');
  return target.querySelector(':scope > .err');
}

function findInput(path) {
  for (let p = path; p; p = parent(p)) {
    const found = document.querySelector('#form [data-path="' + CSS.escape(p) + '"]');
    if (found) return found;
  }
  return null;
}

function parent(p) {
  const m = p.match(/^(.*)(\[\d+\]|\.("(?:[^"\\]|\\.)*"|[^.\[\]"]+))$/);
  return m ? m[1] : '';
}

// goTo shows where a problem is: its input, or its line in the TOML text.
function goTo(e) {
  const t = e.khoa && findInput(e.khoa);
  if (t && !$('tab-form').hidden) {
    t.scrollIntoView({ block: 'center' });
    if (t.focus) t.focus();
    return;
  }
  tab('toml');
  const raw = $('raw');
  const lines = raw.value.split('\n');
  let off = 0;
  for (let i = 0; i < (e.dong || 1) - 1 && i < lines.length; i++) off += lines[i].length + 1;
  raw.focus();
  raw.setSelectionRange(off + (e.cot || 1) - 1, off + (lines[(e.dong || 1) - 1] || '').length);
}

// ---- results ----

function showCheck() {
  const an = state.an;
  $('check-text').textContent = an.kiem_tra || (an.loi.length ? 'Hồ sơ còn lỗi nên chưa tính được.' : 'Hồ sơ chưa có chỉ tiêu, bảng điểm hay bình xét nên không có gì để tính.');
  const box = $('prizes');
  box.replaceChildren();
  const p = an.tien_thuong;
  if (!p) return;
  const money = (n) => typeof n === 'number' ? n.toLocaleString('vi-VN') + ' đồng' : '';
  const t = el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, ...['Tập thể, cá nhân', 'Hình thức', 'Hệ số', 'Tỷ lệ phiếu', 'Tiền thưởng'].map((h) => el('th', {}, h)))));
  const body = el('tbody');
  for (const r of p.de_nghi) {
    body.append(el('tr', {}, el('td', {}, r.ten), el('td', {}, r.hinh_thuc), el('td', {}, String(r.he_so)),
      el('td', {}, r.phieu ? r.phieu.dong_y + '/' + r.phieu.so_nguoi + ' (' + r.phieu.ty_le.toLocaleString('vi-VN', { maximumFractionDigits: 2 }) + '%)' : ''),
      el('td', { class: 'num' }, money(r.tien))));
  }
  t.append(body);
  box.append(el('h3', {}, 'Tiền thưởng'), p.luong_co_so ? el('p', {}, 'Mức lương cơ sở: ' + money(p.luong_co_so)) : '', t,
    p.tong !== undefined && p.tong !== null ? el('p', {}, el('b', {}, 'Tổng cộng: ' + money(p.tong))) : '');
}

// ---- papers and preview ----

function showPapers() {
  const sel = $('paper');
  const keep = sel.value;
  sel.disabled = state.an.giay.length === 0 && !!state.previewURL;
  if (sel.disabled) return showStale();
  sel.replaceChildren();
  for (const g of state.an.giay) sel.append(el('option', { value: g.ten }, g.mo_ta || g.ten));
  if (state.an.giay.some((g) => g.ten === keep)) sel.value = keep;
  showItems();
  showStale();
}

// showStale says whether the paper shown is the record's or an older one.
function showStale() {
  const none = state.an.giay.length === 0;
  for (const b of ['btn-pdf', 'btn-docx', 'btn-zip']) $(b).disabled = none;
  // With problems the last paper made stays, marked as such.
  $('preview-note').hidden = !none;
  $('preview-note').className = none && state.previewURL ? 'hint stale' : 'hint';
  $('preview-note').textContent = state.previewURL ? 'Hồ sơ đang có lỗi: giấy tờ dưới đây là bản trước khi lỗi; sửa hết lỗi thì giấy tờ cập nhật.'
    : 'Giấy tờ hiện ở đây khi hồ sơ hết lỗi.';
  $('preview').hidden = none && !state.previewURL;
}

function showItems() {
  const g = state.an.giay.find((p) => p.ten === $('paper').value);
  const sel = $('paper-item');
  const keep = sel.value;
  sel.replaceChildren();
  sel.hidden = !(g && g.muc);
  if (g && g.muc) g.muc.forEach((m, i) => sel.append(el('option', { value: i }, m)));
  if (keep && g && g.muc && keep < g.muc.length) sel.value = keep;
}

// shownPaper names the paper the preview shows.
function shownPaper() {
  return { giay: $('paper').value, muc: +($('paper-item').value || 0) };
}

function paperRequest(format) {
  return { ten: state.name, noi_dung: state.text, ...shownPaper(), dinh_dang: format };
}

// preview shows the chosen paper of the text: the PDF the analysis
// brought, if it is of that paper, or one asked for.
let previewTimer = 0;
function preview() {
  clearTimeout(previewTimer);
  if (!state.an.giay.length) return;
  const brought = state.an.pdf && state.an.pdfOf === JSON.stringify(shownPaper());
  previewTimer = setTimeout(async () => {
    const seq = state.seq;
    try {
      let blob;
      if (brought) {
        const bin = atob(state.an.pdf);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        blob = new Blob([bytes], { type: 'application/pdf' });
      } else {
        blob = await (await api('POST', '/api/giay', paperRequest('pdf'))).blob();
      }
      if (seq !== state.seq) return;
      if (state.previewURL) URL.revokeObjectURL(state.previewURL);
      state.previewURL = URL.createObjectURL(blob);
      state.preview = blob; // the PDF shown
      const frame = $('preview');
      // How long from the change to the paper shown, for the browser test.
      const from = state.changedAt;
      frame.dataset.fetched = Math.round(performance.now() - from);
      frame.onload = () => { frame.dataset.shown = Math.round(performance.now() - from); };
      frame.src = state.previewURL + '#navpanes=0&view=FitH';
      frame.dataset.seq = seq;
    } catch (e) {
      status(e.message, true);
    }
  }, 0);
}

async function download(url, body) {
  try {
    const res = await api('POST', url, body);
    const blob = await res.blob();
    const cd = res.headers.get('Content-Disposition') || '';
    const m = cd.match(/filename\*=UTF-8''([^;]+)/);
    const a = el('a', { href: URL.createObjectURL(blob), download: m ? decodeURIComponent(m[1]) : 'giay-to' });
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    status(e.message, true);
  }
}

// ---- batch and fill ----

async function runBatch() {
  const fd = new FormData();
  for (const f of [...$('batch-files').files, ...$('batch-dir').files]) fd.append('tep', f, f.webkitRelativePath || f.name);
  $('batch-errors').replaceChildren();
  try {
    const r = await api('POST', '/api/hang-loat', fd);
    const bar = $('batch-progress');
    bar.hidden = false;
    $('batch-status').textContent = 'Đang làm giấy tờ của ' + r.so_ho_so + ' hồ sơ…';
    const es = new EventSource('/api/hang-loat/' + r.id);
    es.addEventListener('tien-do', (ev) => {
      const p = JSON.parse(ev.data);
      bar.max = Math.max(p.giay_to, 1); bar.value = p.da_lam;
      $('batch-status').textContent = 'Đã đọc ' + p.da_doc + '/' + p.ho_so + ' hồ sơ, đã làm ' + p.da_lam + '/' + p.giay_to + ' giấy tờ…';
    });
    es.addEventListener('xong', (ev) => {
      es.close();
      const s = JSON.parse(ev.data);
      bar.max = 1; bar.value = 1;
      $('batch-status').replaceChildren('Xong: ' + s.tep.length + ' tệp của ' + s.ho_so.length + ' hồ sơ, ' + s.loi.length + ' lỗi. ',
        el('a', { href: '/api/hang-loat/' + r.id + '/tai', download: 'giay-to-hang-loat.zip' }, 'Tải về (.zip, kèm manifest.json)'));
      for (const e of s.loi) $('batch-errors').append(el('li', {}, [e.tep || e.ho_so, e.dong ? e.dong + ':' + e.cot : '', e.khoa, e.loi].filter(Boolean).join(': ') + (e.cach_sua ? ' — Cách sửa: ' + e.cach_sua : '')));
    });
  } catch (e) {
    $('batch-status').textContent = e.message;
  }
}

async function fillForm() {
  const form = $('fill-form').files[0];
  if (!form) { $('fill-status').textContent = 'Chọn mẫu Word (.docx) trước.'; return; }
  const fd = new FormData();
  fd.append('mau', form);
  if ($('fill-record').files[0]) fd.append('ho_so', $('fill-record').files[0]);
  fd.append('ten', state.name);
  fd.append('noi_dung', state.text);
  $('fill-status').textContent = '';
  try {
    const res = await api('POST', '/api/dien', fd);
    const blob = await res.blob();
    const a = el('a', { href: URL.createObjectURL(blob), download: form.name.replace(/\.docx$/i, '') + '-da-dien.docx' });
    document.body.append(a); a.click(); a.remove();
    $('fill-status').textContent = 'Đã điền ' + form.name + '.';
  } catch (e) {
    $('fill-status').textContent = e.message;
  }
}

// ---- tabs, dialog, start ----

function tab(name) {
  for (const b of document.querySelectorAll('[role=tab]')) b.setAttribute('aria-selected', b.dataset.tab === name);
  for (const t of document.querySelectorAll('.tab')) t.hidden = t.id !== 'tab-' + name;
  if (name === 'form' && state.an) { buildForm(); showErrors(); showLacking(); }
}

async function newDialog() {
  const samples = await api('GET', '/api/mau');
  $('new-sample').replaceChildren(...samples.map((s) => el('option', { value: s.ten }, s.ten + (s.tieu_de ? ' — ' + s.tieu_de : ''))));
  $('new-error').textContent = '';
  document.querySelector('input[name=from][value=sao]').disabled = !state.name;
  $('new-dialog').showModal();
}

async function newSubmit(ev) {
  if (ev.submitter && ev.submitter.value !== 'ok') return;
  ev.preventDefault();
  const from = document.querySelector('input[name=from]:checked').value;
  const arg = { trong: $('new-kind').value, mau: $('new-sample').value, sao: state.name }[from];
  try {
    await createRecord($('new-name').value, from + ':' + arg);
    $('new-dialog').close();
  } catch (e) {
    $('new-error').textContent = e.message;
  }
}

async function start() {
  state.schema = await api('GET', '/api/schema');
  state.templates = await api('GET', '/api/giay-mau');
  $('records').addEventListener('change', (ev) => ev.target.value && openRecord(ev.target.value));
  $('btn-save').addEventListener('click', save);
  $('btn-save-as').addEventListener('click', saveAs);
  $('banner-save-as').addEventListener('click', saveAs);
  $('btn-next').addEventListener('click', nextYear);
  $('btn-new').addEventListener('click', newDialog);
  $('new-form').addEventListener('submit', newSubmit);
  $('raw').addEventListener('input', rawInput);
  $('paper').addEventListener('change', () => { showItems(); preview(); });
  $('paper-item').addEventListener('change', preview);
  $('btn-pdf').addEventListener('click', () => download('/api/giay', paperRequest('pdf')));
  $('btn-docx').addEventListener('click', () => download('/api/giay', paperRequest('docx')));
  $('btn-zip').addEventListener('click', () => download('/api/tat-ca', { ten: state.name, noi_dung: state.text }));
  $('btn-batch').addEventListener('click', runBatch);
  $('btn-fill').addEventListener('click', fillForm);
  for (const b of document.querySelectorAll('[role=tab]')) b.addEventListener('click', () => tab(b.dataset.tab));
  window.addEventListener('beforeunload', (ev) => { if (state.dirty) ev.preventDefault(); });
  const wanted = decodeURIComponent(location.hash.slice(1));
  await loadList(wanted);
  if (wanted) await openRecord(wanted);
}

start().catch((e) => status(e.message, true));
