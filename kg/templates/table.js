/* kg page, part 3: the quote table (filters, sort, selection, CSV) and the timeline strip. */
var ROWS_SHOWN = 200;
function speakerOf(q) { return q.s >= 0 ? ents[q.s].label : ""; }
function joined(list, f) { return list.map(f).join("; "); }
var COLUMNS = [
  { key: "date", name: "Date", value: function (q) { return q.date; } },
  { key: "speaker", name: "Speaker", value: speakerOf },
  { key: "office", name: "Office", value: function (q) { return joined(q.roles, function (r) { return roles[r].title; }); } },
  { key: "agency", name: "Agency", value: function (q) { return joined(q.agencies, function (a) { return ents[a].label; }); } },
  { key: "topics", name: "Topics", value: function (q) { return joined(q.about, function (t) { return ents[t].label; }); } },
  { key: "kind", name: "Kind", value: function (q) { return q.direct ? "direct" : "reported"; } },
  { key: "text", name: "Quote", value: function (q) { return q.text; } },
  { key: "source", name: "Source", value: function (q) { return q.d >= 0 ? (docs[q.d].title || docs[q.d].source) : ""; } }
];
var CSV_COLUMNS = COLUMNS.concat([
  { key: "file", name: "Source file", value: function (q) { return q.d >= 0 ? docs[q.d].source : ""; } },
  { key: "url", name: "URL", value: function (q) { return q.d >= 0 ? docs[q.d].url : ""; } },
  { key: "id", name: "Quote IRI", value: function (q) { return q.id; } }
]);
var rowsNow = [], rowSel = {}, lastSig = null, sortKeys = {};

/* the filter inputs: names typed or picked from lists, dates, kind, words */
function fillList(id, idxs) {
  var dl = $(id);
  dl.replaceChildren();
  idxs.forEach(function (i) { var o = el("option"); o.value = ents[i].label; dl.appendChild(o); });
}
function entityByLabel(text, ok) {
  var n = norm(text), hit = -1;
  if (!n) { return -1; }
  ents.forEach(function (e, i) { if (hit < 0 && ok(i) && norm(e.label) === n) { hit = i; } });
  if (hit < 0) { ents.forEach(function (e, i) { if (hit < 0 && ok(i) && e.aliases.some(function (a) { return norm(a) === n; })) { hit = i; } }); }
  return hit;
}
var isSpeaker = function (i) { return ents[i].said.length > 0; };
var isAgency = function (i) { return ents[i].type === "Agency"; };
var isTopic = function (i) { return ents[i].about.length > 0; };
function setupFilters() {
  var byLabel = function (a, b) { return ents[a].label < ents[b].label ? -1 : 1; };
  var all = ents.map(function (e, i) { return i; });
  fillList("kg-f-speakers", all.filter(isSpeaker).sort(byLabel));
  fillList("kg-f-agencies", all.filter(isAgency).sort(byLabel));
  fillList("kg-f-topics", all.filter(isTopic).sort(byLabel));
  var sel = $("kg-f-doc");
  var none = el("option", "any document"); none.value = ""; sel.appendChild(none);
  docs.map(function (d, i) { return i; }).sort(function (a, b) { return docs[a].date < docs[b].date ? 1 : docs[a].date > docs[b].date ? -1 : a - b; })
    .forEach(function (i) { var o = el("option", (docs[i].date ? docs[i].date + " " : "") + (docs[i].title || docs[i].source)); o.value = String(i); sel.appendChild(o); });
  [["kg-f-speaker", "speaker", isSpeaker], ["kg-f-agency", "agency", isAgency], ["kg-f-topic", "topic", isTopic]].forEach(function (x) {
    $(x[0]).addEventListener("change", function (ev) {
      state.f[x[1]] = entityByLabel(ev.target.value, x[2]);
      ev.target.classList.toggle("kg-bad", state.f[x[1]] < 0 && ev.target.value.trim() !== "");
      applyFilters();
    });
  });
  sel.addEventListener("change", function (ev) { state.f.doc = ev.target.value === "" ? -1 : Number(ev.target.value); applyFilters(); });
  $("kg-f-from").addEventListener("change", function (ev) { state.f.from = ev.target.value; applyFilters(); });
  $("kg-f-to").addEventListener("change", function (ev) { state.f.to = ev.target.value; applyFilters(); });
  $("kg-f-kind").addEventListener("change", function (ev) { state.f.kind = ev.target.value; applyFilters(); });
  var timer = null;
  $("kg-f-q").addEventListener("input", function (ev) {
    clearTimeout(timer);
    timer = setTimeout(function () { state.f.q = ev.target.value; applyFilters(); }, 120);
  });
  $("kg-f-clear").addEventListener("click", function () {
    state.f = { speaker: -1, agency: -1, topic: -1, doc: -1, from: "", to: "", kind: "", q: "" };
    syncFilterInputs();
    applyFilters();
  });
  $("kg-f-csv").addEventListener("click", exportCsv);
  var head = $("kg-table").tHead.rows[0];
  COLUMNS.forEach(function (c) {
    var th = el("th", c.name);
    th.dataset.key = c.key;
    th.tabIndex = 0;
    th.addEventListener("click", function () {
      state.desc = state.sort === c.key ? !state.desc : c.key === "date";
      state.sort = c.key;
      applyFilters();
    });
    head.appendChild(th);
  });
}
function syncFilterInputs() {
  var f = state.f;
  $("kg-f-speaker").value = f.speaker >= 0 ? ents[f.speaker].label : "";
  $("kg-f-agency").value = f.agency >= 0 ? ents[f.agency].label : "";
  $("kg-f-topic").value = f.topic >= 0 ? ents[f.topic].label : "";
  $("kg-f-doc").value = f.doc >= 0 ? String(f.doc) : "";
  $("kg-f-from").value = f.from;
  $("kg-f-to").value = f.to;
  $("kg-f-kind").value = f.kind;
  $("kg-f-q").value = f.q;
}

/* which quotes pass: the filters (dates optional: the timeline counts without them) and the selected node */
function passes(q, i, withDates, sel) {
  var f = state.f;
  if (f.speaker >= 0 && q.s !== f.speaker) { return false; }
  if (f.agency >= 0 && q.agencies.indexOf(f.agency) < 0 && q.s !== f.agency) { return false; }
  if (f.topic >= 0 && q.about.indexOf(f.topic) < 0) { return false; }
  if (f.doc >= 0 && q.d !== f.doc) { return false; }
  if (f.kind && (f.kind === "direct") !== q.direct) { return false; }
  if (withDates && f.from && !(q.date && q.date >= f.from)) { return false; }
  if (withDates && f.to && !(q.date && q.date <= f.to)) { return false; }
  if (f.qn && q.norm.indexOf(f.qn) < 0) { return false; }
  return !sel || sel[i] === 1;
}
function filtering() {
  var f = state.f;
  return f.speaker >= 0 || f.agency >= 0 || f.topic >= 0 || f.doc >= 0 || !!f.from || !!f.to || !!f.kind || !!f.q;
}
function applyFilters() {
  var f = state.f, sel = state.sel ? involved(state.sel) : null;
  f.qn = norm(f.q);
  rowsNow = [];
  var graphRows = [];
  quotes.forEach(function (q, i) {
    if (!passes(q, i, true, null)) { return; }
    graphRows.push(i);
    if (!sel || sel[i] === 1) { rowsNow.push(i); }
  });
  var col = COLUMNS.filter(function (c) { return c.key === state.sort; })[0] || COLUMNS[0], dir = state.desc ? -1 : 1;
  var keyOf = sortKeys[col.key] = sortKeys[col.key] || {};  // made once per column and quote
  rowsNow.forEach(function (i) { if (keyOf[i] === undefined) { keyOf[i] = col.key === "date" ? quotes[i].date : norm(col.value(quotes[i])); } });
  rowsNow.sort(function (a, b) {
    return (keyOf[a] < keyOf[b] ? -dir : keyOf[a] > keyOf[b] ? dir : 0) || (quotes[a].date < quotes[b].date ? 1 : quotes[a].date > quotes[b].date ? -1 : a - b);
  });
  var sig = JSON.stringify([f.speaker, f.agency, f.topic, f.doc, f.from, f.to, f.kind, f.qn]);
  if (sig === lastSig) {  // the graph's part is unchanged
    renderTable();
    renderTimeline(sel);
    saveState();
    return;
  }
  lastSig = sig;
  if (filtering()) {  // the graph keeps the nodes the remaining quotes involve
    active = {};
    graphRows.forEach(function (i) {
      var q = quotes[i];
      active[q.id] = 1;
      if (q.s >= 0) { active[ents[q.s].id] = 1; }
      q.about.forEach(function (t) { active[ents[t].id] = 1; });
      q.agencies.forEach(function (a) { active[ents[a].id] = 1; });
      if (q.d >= 0) { active[docs[q.d].id] = 1; }
    });
  } else { active = null; }
  refreshGraph();
  renderTable();
  renderTimeline(sel);
  saveState();
}
function renderTable() {
  var body = $("kg-table").tBodies[0], frag = document.createDocumentFragment();
  body.replaceChildren();
  rowsNow.slice(0, ROWS_SHOWN).forEach(function (i) {
    var q = quotes[i], tr = el("tr");
    tr.dataset.quote = q.id;
    if (rowSel[i]) { tr.className = "kg-row-selected"; }
    COLUMNS.forEach(function (c) { tr.appendChild(el("td", c.value(q), "kg-c-" + c.key)); });
    tr.addEventListener("click", function (ev) { pickRow(i, tr, ev); });
    frag.appendChild(tr);
  });
  body.appendChild(frag);
  document.querySelectorAll("#kg-table th").forEach(function (th) {
    th.dataset.sort = th.dataset.key === state.sort ? (state.desc ? "desc" : "asc") : "";
  });
  $("kg-f-count").textContent = plural(rowsNow.length, "quote") +
    (rowsNow.length > ROWS_SHOWN ? " (the first " + ROWS_SHOWN + " listed; CSV has all)" : "") +
    (state.sel ? " involving " + nodeName(state.sel) : "");
}
function pickRow(i, tr, ev) {  // click: this row; ctrl/shift-click: add or remove it
  if (!(ev.ctrlKey || ev.metaKey || ev.shiftKey)) {
    rowSel = {};
    document.querySelectorAll("#kg-table tr.kg-row-selected").forEach(function (r) { r.className = ""; });
  }
  if (rowSel[i]) { delete rowSel[i]; tr.className = ""; } else { rowSel[i] = 1; tr.className = "kg-row-selected"; }
  var ids = {};
  Object.keys(rowSel).forEach(function (k) {
    var q = quotes[k];
    if (q.s >= 0) { ids[ents[q.s].id] = 1; }
    q.about.forEach(function (t) { ids[ents[t].id] = 1; });
    if (nodes.get(q.id)) { ids[q.id] = 1; }
  });
  var visible = Object.keys(ids).filter(function (id) { return nodeView.get(id); });
  network.selectNodes(visible);
  if (!(ev.ctrlKey || ev.metaKey || ev.shiftKey)) { showPanel(quotes[i].id); }
}

/* CSV of the rows the filters leave (all of them, in the table's order) */
function csvCell(v) {
  var s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }  // a spreadsheet must not read it as a formula
  return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
}
function csvText() {
  var lines = [CSV_COLUMNS.map(function (c) { return csvCell(c.name); }).join(",")];
  rowsNow.forEach(function (i) { lines.push(CSV_COLUMNS.map(function (c) { return csvCell(c.value(quotes[i])); }).join(",")); });
  return lines.join("\r\n") + "\r\n";
}
function exportCsv() {
  var blob = new Blob(["\ufeff" + csvText()], { type: "text/csv;charset=utf-8" }), a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "quotes.csv";
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
}

/* the timeline: quotes per month for the selection and filters (dates aside); drag to pick months */
var brush = null, months = [];
function monthsBetween(a, b) {
  var out = [], y = Number(a.slice(0, 4)), m = Number(a.slice(5, 7));
  while (out.length < 1200) {
    var k = y + "-" + (m < 10 ? "0" : "") + m;
    out.push(k);
    if (k >= b) { break; }
    m++; if (m > 12) { m = 1; y++; }
  }
  return out;
}
function lastDay(month) {
  var y = Number(month.slice(0, 4)), m = Number(month.slice(5, 7));
  return month + "-" + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0");
}
function renderTimeline(sel) {
  var counts = {}, strip = $("kg-timeline"), lo = null, hi = null;
  quotes.forEach(function (q, i) {
    if (!q.date || !passes(q, i, false, sel)) { return; }
    var m = q.date.slice(0, 7);
    counts[m] = (counts[m] || 0) + 1;
    if (lo === null || m < lo) { lo = m; }
    if (hi === null || m > hi) { hi = m; }
  });
  strip.replaceChildren();
  months = lo === null ? [] : monthsBetween(lo, hi);
  var top = Math.max.apply(null, months.map(function (m) { return counts[m] || 0; }).concat([1]));
  var f = state.f, labelled = 0, gap = Math.max(1, Math.ceil(months.length * 60 / Math.max(200, strip.clientWidth)));
  months.forEach(function (m, k) {
    var n = counts[m] || 0, bar = el("div", null, "kg-bar"), fill = el("div", null, "kg-bar-fill");
    bar.dataset.month = m;
    bar.dataset.count = String(n);
    bar.title = m + ": " + plural(n, "quote");
    fill.style.height = Math.round(100 * n / top) + "%";
    bar.appendChild(fill);
    if ((f.from && m < f.from.slice(0, 7)) || (f.to && m > f.to.slice(0, 7))) { bar.classList.add("kg-out"); }
    if (k === 0 || (m.slice(5) === "01" && k - labelled >= gap) || (k === months.length - 1 && k - labelled >= gap)) {
      bar.appendChild(el("span", m, "kg-bar-label"));
      labelled = k;
    }
    bar.addEventListener("mousedown", function (ev) { ev.preventDefault(); brush = [k, k]; paintBrush(); });
    bar.addEventListener("mouseenter", function () { if (brush) { brush[1] = k; paintBrush(); } });
    strip.appendChild(bar);
  });
  $("kg-timeline-note").textContent = months.length
    ? "Quotes per month" + (state.sel ? " for " + nodeName(state.sel) : "") + ". Drag across months to filter."
    : "No dated quotes" + (state.sel ? " for " + nodeName(state.sel) : "") + ".";
}
function paintBrush() {
  var a = Math.min(brush[0], brush[1]), b = Math.max(brush[0], brush[1]);
  document.querySelectorAll("#kg-timeline .kg-bar").forEach(function (bar, k) { bar.classList.toggle("kg-brush", k >= a && k <= b); });
}
document.addEventListener("mouseup", function () {
  if (!brush) { return; }
  var a = Math.min(brush[0], brush[1]), b = Math.max(brush[0], brush[1]);
  brush = null;
  state.f.from = months[a] + "-01";
  state.f.to = lastDay(months[b]);
  syncFilterInputs();
  applyFilters();
});
$("kg-timeline-clear").addEventListener("click", function () { state.f.from = ""; state.f.to = ""; syncFilterInputs(); applyFilters(); });

/* start: the whole graph, or its middle at a zoom where labels can be read */
setupFilters();
datalists();
network.fit({ animation: false });
if (network.getScale() < 0.75) {  // too small to read: the most central node at a readable zoom
  var hub = D.nodes.filter(function (n) { return n.rank === 0; })[0];
  network.moveTo({ position: hub ? { x: hub.x, y: hub.y } : undefined, scale: 0.75, animation: false });
}
loadState();
status();
network.once("afterDrawing", function () { document.body.dataset.ready = "1"; });
window.kgPage = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, reveal: reveal,
                  state: state, search: search, rows: function () { return rowsNow.map(function (i) { return quotes[i].id; }); },
                  csv: csvText, applyFilters: applyFilters, expand: expand, showAllQuotes: showAllQuotes, ents: ents,
                  unselect: unselect, slug: slug,
                  docs: docs, quoteIds: function () { return quotes.map(function (q) { return q.id; }); },
                  quoteDate: function (id) { return quotes[quoteAt[id]].date; },
                  quote: function (id) { return quotes[quoteAt[id]]; } };
