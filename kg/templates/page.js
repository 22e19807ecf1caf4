/* kg page, part 1: data, the network, the legend, search and the URL fragment.
 * The page's scripts are joined into one function by kg/viz.py (render).
 * Every text from the data is put in the page with textContent, never as HTML. */
var D = JSON.parse(document.getElementById("kg-data").textContent);
function $(id) { return document.getElementById(id); }
function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  if (cls) { e.className = cls; }
  return e;
}
function norm(s) { return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim(); }
function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

var ents = D.ents, docs = D.docs, quotes = D.quotes, roles = D.roles, reports = D.reports;
var entAt = {}, docAt = {}, quoteAt = {};
ents.forEach(function (e, i) { entAt[e.id] = i; e.said = []; e.about = []; e.involved = {}; e.roles = []; e.reports = []; });
docs.forEach(function (d, i) { docAt[d.id] = i; d.quotes = []; });
roles.forEach(function (r, i) { ents[r.p].roles.push(i); if (r.org >= 0) { ents[r.org].roles.push(i); } });
reports.forEach(function (r, i) { ents[r.e].reports.push(i); });
quotes.forEach(function (q, i) {
  quoteAt[q.id] = i;
  q.date = q.d >= 0 ? docs[q.d].date : "";
  q.norm = norm(q.text);
  var orgs = [];
  if (q.s >= 0 && ents[q.s].type === "Agency") { orgs.push(q.s); }
  q.roles.forEach(function (r) { if (roles[r].org >= 0 && orgs.indexOf(roles[r].org) < 0) { orgs.push(roles[r].org); } });
  q.agencies = orgs;
  if (q.s >= 0) { ents[q.s].said.push(i); ents[q.s].involved[i] = 1; }
  q.about.forEach(function (t) { ents[t].about.push(i); ents[t].involved[i] = 1; });
  orgs.forEach(function (a) { ents[a].involved[i] = 1; });
  if (q.d >= 0) { docs[q.d].quotes.push(i); }
});
reports.forEach(function (r) {  // what was said at an event: its participants' quotes in the documents reporting it
  if (r.d < 0) { return; }
  docs[r.d].quotes.forEach(function (i) { if (r.parts.indexOf(quotes[i].s) >= 0) { ents[r.e].involved[i] = 1; } });
});
function involved(id) {  // quote indices a node stands for (the table filter of a selected node)
  if (entAt[id] !== undefined) { return ents[entAt[id]].involved; }
  var out = {};
  if (docAt[id] !== undefined) { docs[docAt[id]].quotes.forEach(function (i) { out[i] = 1; }); }
  if (quoteAt[id] !== undefined) { out[quoteAt[id]] = 1; }
  return out;
}
function nodeName(id) {
  if (entAt[id] !== undefined) { return ents[entAt[id]].label; }
  if (docAt[id] !== undefined) { var d = docs[docAt[id]]; return d.title || d.source; }
  if (quoteAt[id] !== undefined) { return quoteLabel(quotes[quoteAt[id]]); }
  return id;
}
function quoteLabel(q) { var t = q.text.replace(/\s+/g, " "); return "\u201c" + (t.length > 60 ? t.slice(0, 59) + "\u2026" : t) + "\u201d"; }

/* ---- state: selection, filters, view; mirrored in the URL fragment ---- */
var state = { sel: null, all: D.limit === 0 || D.nodes.length <= D.limit, types: {}, links: {}, exp: [], allQuotes: false,
              f: { speaker: -1, agency: -1, topic: -1, doc: -1, from: "", to: "", kind: "", q: "" },
              sort: "date", desc: true, find: "", reviewer: "" };
D.types.forEach(function (t) { state.types[t.name] = t.shown; });
D.links.forEach(function (l) { state.links[l.name] = true; });
var heading = D.heading || "kg graph";
document.title = heading;
$("kg-heading").textContent = heading;

/* ---- the network: tooltips and edge widths made here, not shipped ---- */
D.nodes.forEach(function (n) { n.kgName = nodeName(n.id); n.title = n.kgType + ": " + n.kgName; });
D.edges.forEach(function (e, i) {
  e.id = "e" + i;
  e.width = Math.min(8, 1 + 1.5 * Math.log2(e.kgWeight));
  e.title = nodeName(e.from) + " " + e.kgRel + " " + nodeName(e.to) + (e.kgRel === "spoke about" ? ": " + plural(e.kgWeight, "quote") : "");
});
var nodes = new vis.DataSet(D.nodes);
var nodeById = {};  // the same objects, without DataSet.get's copy (filters run over every edge)
D.nodes.forEach(function (n) { nodeById[n.id] = n; });
var edges = new vis.DataSet(D.edges);
var active = null;  // node ids the table's filters leave, or null when no filter is set
function shown(n) {
  if (!n || state.types[n.kgType] !== true) { return false; }
  if (n.kgType === "Quote") { return active === null || active[n.id] === 1 || n.id === state.sel; }
  if (!state.all && n.rank >= D.limit && n.id !== state.sel) { return false; }
  return active === null || active[n.id] === 1 || n.id === state.sel;
}
var nodeView = new vis.DataView(nodes, { filter: shown });
var edgeView = new vis.DataView(edges, {
  filter: function (e) { return state.links[e.kgRel] === true && shown(nodeById[e.from]) && shown(nodeById[e.to]); }
});
var network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, D.options);
var limited = D.limit > 0 && D.nodes.length > D.limit;

function status() {
  $("kg-status").textContent = nodeView.length + " of " + nodes.length + " nodes, " + edgeView.length + " of " +
    edges.length + " edges shown";
  $("kg-banner").hidden = !limited;
  if (limited) {
    $("kg-banner-text").textContent = state.all
      ? "Showing all " + D.nodes.length + " nodes; drawing may be slow."
      : "This graph has " + D.nodes.length + " nodes: showing the " + D.limit +
        " first: the most central people (PageRank), each with the agencies, topics and events they are linked to.";
    $("kg-toggle-all").textContent = state.all ? "Show the top " + D.limit : "Show all " + D.nodes.length + " nodes";
  }
}
function refreshGraph() { nodeView.refresh(); edgeView.refresh(); status(); }

/* quote nodes, on demand: around their speaker, with "said" and "about" edges */
var QUOTE_COLOR = (D.types.filter(function (t) { return t.name === "Quote"; })[0] || { color: "#D55E00" }).color;
function addQuoteNodes(list) {
  var add = [], links = [], placed = {};
  list.forEach(function (i) {
    var q = quotes[i];
    if (nodeById[q.id] || placed[q.id]) { return; }
    placed[q.id] = 1;
    var anchor = q.s >= 0 ? ents[q.s].id : (q.about.length ? ents[q.about[0]].id : null);
    var p = anchor && nodeById[anchor] ? nodeById[anchor] : { x: 0, y: 0 };
    var k = (anchor ? (ringCount[anchor] = (ringCount[anchor] || 0) + 1) : ++ringCount[""]);
    var r = 60 + 18 * Math.sqrt(k), a = k * 2.39996323;
    add.push({ id: q.id, label: quoteLabel(q).slice(0, 34), shape: "diamond", color: QUOTE_COLOR, size: 7,
               x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a), title: quoteLabel(q), kgType: "Quote",
               kgName: q.text, rank: 1e9 });
    if (q.s >= 0) { links.push({ id: "qs" + i, from: ents[q.s].id, to: q.id, kgRel: "said", title: "said" }); }
    q.about.forEach(function (t) { links.push({ id: "qa" + i + "_" + t, from: q.id, to: ents[t].id, kgRel: "about", title: "about" }); });
  });
  add.forEach(function (n) { nodeById[n.id] = n; });
  nodes.add(add);
  edges.add(links);
  state.links.said = true; state.links.about = true;
}
var ringCount = { "": 0 };
function expand(id) {
  if (state.exp.indexOf(id) < 0) { state.exp.push(id); }
  state.types.Quote = true;
  syncLegend();
  addQuoteNodes(Object.keys(involved(id)).map(Number));
  refreshGraph();
  saveState();
}
function showAllQuotes(on) {
  state.allQuotes = on;
  if (on) { addQuoteNodes(quotes.map(function (q, i) { return i; })); }
  state.types.Quote = on || state.exp.length > 0;
  syncLegend();
  refreshGraph();
  saveState();
}

/* ---- legend ---- */
function checkbox(container, name, count, color, checked) {
  var label = el("label"), box = el("input");
  box.type = "checkbox";
  box.checked = checked;
  box.dataset.name = name;
  label.appendChild(box);
  if (color) { var sw = el("span", null, "kg-swatch"); sw.style.background = color; label.appendChild(sw); }
  label.appendChild(el("span", name + " (" + count + ")"));
  container.appendChild(label);
  return box;
}
function syncLegend() {
  document.querySelectorAll("#kg-legend input").forEach(function (b) { b.checked = state.types[b.dataset.name] === true; });
}
D.types.forEach(function (t) {
  checkbox($("kg-legend"), t.name, t.count, t.color, t.shown).addEventListener("change", function (ev) {
    if (t.name === "Quote") { showAllQuotes(ev.target.checked); return; }
    state.types[t.name] = ev.target.checked; refreshGraph(); saveState();
  });
});
D.links.forEach(function (l) {
  checkbox($("kg-relations"), l.name, l.count, null, true).addEventListener("change", function (ev) {
    state.links[l.name] = ev.target.checked; refreshGraph();
  });
});
$("kg-toggle-all").addEventListener("click", function () { state.all = !state.all; refreshGraph(); network.fit(); saveState(); });

/* ---- selecting a node: its panel, the table filtered to it, the timeline for it ---- */
function reveal(id, keepView) {
  var n = nodes.get(id);
  if (!n && quoteAt[id] !== undefined) { addQuoteNodes([quoteAt[id]]); state.types.Quote = true; syncLegend(); n = nodes.get(id); }
  state.sel = id;
  if (n && state.types[n.kgType] !== true) { state.types[n.kgType] = true; syncLegend(); }
  refreshGraph();
  if (n) {
    network.selectNodes([id]);
    if (!keepView) { network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false }); }
  }
  showPanel(id);
  applyFilters();
}
function unselect() {
  state.sel = null;
  $("kg-details").replaceChildren(el("p", "Select a node, a search result or a table row to see its details.", "kg-hint"));
  delete $("kg-details").dataset.node;
  network.unselectAll();
  applyFilters();
}
network.on("click", function (p) {
  if (p.nodes.length) { reveal(p.nodes[0], true); } else if (!p.edges.length) { unselect(); }
});

/* ---- search: names, aliases, acronyms, office titles, documents, words in quotes ---- */
var GROUPS = ["Person", "Agency", "Policy", "Event", "Place", "Office", "Document", "Quote"];
var GROUP_NAMES = { Person: "People", Agency: "Agencies", Policy: "Policies", Event: "Events", Place: "Places",
                    Office: "Offices", Document: "Documents", Quote: "Words in quotes" };
var index = [];
ents.forEach(function (e) {
  [e.label].concat(e.aliases).forEach(function (name, k) {
    index.push({ n: norm(name), show: e.label + (k ? " (" + name + ")" : ""), group: e.type, id: e.id });
  });
});
roles.forEach(function (r) {
  var show = r.title + " \u2014 " + ents[r.p].label + (r.org >= 0 && norm(r.title).indexOf(norm(ents[r.org].label)) < 0 ? " (" + ents[r.org].label + ")" : "");
  [r.title].concat(r.forms).forEach(function (t) { index.push({ n: norm(t), show: show, group: "Office", id: ents[r.p].id }); });
});
docs.forEach(function (d) {
  index.push({ n: norm(d.title + " " + d.source), show: (d.title || d.source) + (d.date ? " (" + d.date + ")" : ""), group: "Document", id: d.id });
});
function search(text) {
  var q = norm(text), words = q.split(" "), hits = [];
  if (!q) { return hits; }
  function score(n) {
    if (n === q) { return 0; }
    if (n.indexOf(q) === 0) { return 1; }
    if (n.indexOf(" " + q) >= 0) { return 2; }
    if (n.indexOf(q) >= 0) { return 3; }
    for (var w = 0; w < words.length; w++) { if (n.indexOf(words[w]) < 0) { return -1; } }
    return 4;
  }
  index.forEach(function (x) { var s = score(x.n); if (s >= 0) { hits.push({ s: s, x: x }); } });
  var nq = 0;
  for (var i = 0; i < quotes.length && nq < 50; i++) {
    var s = score(quotes[i].norm);
    if (s >= 0) {
      nq++;
      var sp = quotes[i].s >= 0 ? ents[quotes[i].s].label + ": " : "";
      hits.push({ s: s + 5, x: { n: quotes[i].norm, show: sp + quoteLabel(quotes[i]), group: "Quote", id: quotes[i].id } });
    }
  }
  hits.sort(function (a, b) {
    return a.s - b.s || GROUPS.indexOf(a.x.group) - GROUPS.indexOf(b.x.group) || a.x.n.length - b.x.n.length ||
      (a.x.show < b.x.show ? -1 : a.x.show > b.x.show ? 1 : 0);
  });
  var seen = {}, out = [];
  hits.forEach(function (h) { var k = h.x.group + " " + h.x.id; if (!seen[k]) { seen[k] = 1; out.push(h.x); } });
  return out;
}
function fill(text) {
  var sel = $("kg-select"), results = text.trim() ? search(text) : null, byGroup = {};
  sel.replaceChildren();
  if (results === null) {  // no query: the most central nodes
    results = D.nodes.slice().sort(function (a, b) { return a.rank - b.rank; }).slice(0, 200)
      .map(function (n) { return { show: n.kgName, group: n.kgType, id: n.id }; });
  }
  results.forEach(function (x) { (byGroup[x.group] = byGroup[x.group] || []).push(x); });
  GROUPS.forEach(function (g) {
    var list = byGroup[g];
    if (!list) { return; }
    var og = document.createElement("optgroup");
    og.label = GROUP_NAMES[g] + " (" + list.length + ")";
    list.slice(0, 30).forEach(function (x) { var o = el("option", x.show); o.value = x.id; og.appendChild(o); });
    sel.appendChild(og);
  });
  return results;
}
var lastResults = [];
$("kg-find").addEventListener("input", function (ev) { state.find = ev.target.value; lastResults = fill(ev.target.value); saveState(); });
$("kg-find").addEventListener("keydown", function (ev) {
  if (ev.key === "Enter") {
    ev.preventDefault();
    var best = search(ev.target.value)[0];
    if (best) { $("kg-select").value = best.id; reveal(best.id); }
  }
});
$("kg-select").addEventListener("change", function (ev) { if (ev.target.value) { reveal(ev.target.value); } });

/* ---- the URL fragment: selection, filters, sort, search, view ---- */
var restoring = false;
function saveState() {
  if (restoring) { return; }
  var p = new URLSearchParams(), f = state.f;
  if (state.sel) { p.set("sel", state.sel); }
  ["speaker", "agency", "topic"].forEach(function (k) { if (f[k] >= 0) { p.set(k, ents[f[k]].id); } });
  if (f.doc >= 0) { p.set("doc", docs[f.doc].id); }
  ["from", "to", "kind", "q"].forEach(function (k) { if (f[k]) { p.set(k, f[k]); } });
  if (state.sort !== "date" || !state.desc) { p.set("sort", state.sort + (state.desc ? ":desc" : ":asc")); }
  if (state.find) { p.set("find", state.find); }
  if (state.exp.length) { p.set("exp", state.exp.join(" ")); }
  if (state.allQuotes) { p.set("quotes", "all"); }
  if (limited && state.all) { p.set("all", "1"); }
  var types = Object.keys(state.types).filter(function (t) { return state.types[t] && t !== "Quote"; });
  var dflt = D.types.filter(function (t) { return t.shown; }).map(function (t) { return t.name; });
  if (types.join(",") !== dflt.join(",")) { p.set("types", types.join(",")); }
  var hash = p.toString();
  if (location.hash.slice(1) !== hash) { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); }
}
function loadState() {
  var p = new URLSearchParams(location.hash.slice(1)), f = state.f;
  restoring = true;
  ["speaker", "agency", "topic"].forEach(function (k) { var i = entAt[p.get(k)]; f[k] = i === undefined ? -1 : i; });
  var di = docAt[p.get("doc")]; f.doc = di === undefined ? -1 : di;
  ["from", "to", "kind", "q"].forEach(function (k) { f[k] = p.get(k) || ""; });
  var s = (p.get("sort") || "date:desc").split(":");
  if (COLUMNS.some(function (c) { return c.key === s[0]; })) { state.sort = s[0]; state.desc = s[1] !== "asc"; }
  if (p.get("types")) {
    var want = p.get("types").split(",");
    Object.keys(state.types).forEach(function (t) { if (t !== "Quote") { state.types[t] = want.indexOf(t) >= 0; } });
  }
  if (p.get("all") === "1" && limited) { state.all = true; }
  state.find = p.get("find") || "";
  $("kg-find").value = state.find;
  fill(state.find);
  syncFilterInputs();
  (p.get("exp") || "").split(" ").forEach(function (id) { if (id && (entAt[id] !== undefined || docAt[id] !== undefined)) { expand(id); } });
  if (p.get("quotes") === "all") { showAllQuotes(true); }
  syncLegend();
  var sel = p.get("sel");
  restoring = false;
  if (sel && (nodes.get(sel) || quoteAt[sel] !== undefined)) { reveal(sel); } else { refreshGraph(); applyFilters(); }
}
