/* kg page: draws the graph data embedded in #kg-data with vis-network.
 * Every text from the data is put in the page with textContent, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  var heading = data.heading || "kg graph";
  document.title = heading;
  $("kg-heading").textContent = heading;

  var limited = data.limit > 0 && data.nodes.length > data.limit;
  var state = { all: !limited, types: {}, rels: {} };
  data.types.forEach(function (t) { state.types[t.name] = true; });
  data.relations.forEach(function (r) { state.rels[r.name] = true; });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  function shown(n) { return !!n && state.types[n.kgType] === true && (state.all || n.rank < data.limit); }
  var nodeView = new vis.DataView(nodes, { filter: shown });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return state.rels[e.kgRel] === true && shown(nodes.get(e.from)) && shown(nodes.get(e.to)); }
  });
  var network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, data.options);

  function status() {
    $("kg-status").textContent = nodeView.length + " of " + data.nodes.length + " nodes, " +
      edgeView.length + " of " + data.edges.length + " edges shown";
    var banner = $("kg-banner");
    banner.hidden = !limited;
    if (limited) {
      $("kg-banner-text").textContent = state.all
        ? "Showing all " + data.nodes.length + " nodes; drawing may be slow."
        : "This graph has " + data.nodes.length + " nodes: showing the " + data.limit +
          " most central (PageRank) and the edges between them.";
      $("kg-toggle-all").textContent = state.all ? "Show the top " + data.limit : "Show all " + data.nodes.length + " nodes";
    }
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); status(); }

  function checkbox(container, name, count, color) {
    var label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.name = name;
    label.appendChild(box);
    if (color) {
      var sw = el("span", null, "kg-swatch");
      sw.style.background = color;
      label.appendChild(sw);
    }
    label.appendChild(el("span", name + " (" + count + ")"));
    container.appendChild(label);
    return box;
  }
  data.types.forEach(function (t) {
    checkbox($("kg-legend"), t.name, t.count, t.color).addEventListener("change", function (ev) {
      state.types[t.name] = ev.target.checked; refresh();
    });
  });
  data.relations.forEach(function (r) {
    checkbox($("kg-relations"), r.name, r.count, null).addEventListener("change", function (ev) {
      state.rels[r.name] = ev.target.checked; refresh();
    });
  });
  $("kg-toggle-all").addEventListener("click", function () { state.all = !state.all; refresh(); network.fit(); });

  function showDetails(id) {
    var panel = $("kg-details"), d = data.details[id], n = nodes.get(id);
    if (!d || !n) { return; }
    panel.replaceChildren();
    panel.appendChild(el("h2", d.heading));
    panel.appendChild(el("p", n.kgType, "kg-type"));
    if (d.text !== undefined) { panel.appendChild(el("blockquote", d.text, "kg-quote-text")); }
    var dl = el("dl");
    (d.rows || []).forEach(function (row) {
      dl.appendChild(el("dt", row[0]));
      dl.appendChild(el("dd", row[1]));
    });
    panel.appendChild(dl);
    (d.lists || []).forEach(function (list) {
      panel.appendChild(el("h2", list[0]));
      var ul = el("ul");
      list[1].forEach(function (item) { ul.appendChild(el("li", item)); });
      panel.appendChild(ul);
    });
    panel.dataset.node = id;
  }
  function reveal(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    if (!shown(n)) {
      state.types[n.kgType] = true;
      document.querySelectorAll("#kg-legend input").forEach(function (b) { if (b.dataset.name === n.kgType) { b.checked = true; } });
      if (!state.all && n.rank >= data.limit) { state.all = true; }
      refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
  }
  network.on("click", function (p) { if (p.nodes.length) { showDetails(p.nodes[0]); } });

  var byRank = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
  function fill(query) {
    var sel = $("kg-select"), q = query.trim().toLowerCase(), shownCount = 0;
    sel.replaceChildren();
    for (var i = 0; i < byRank.length && shownCount < 300; i++) {
      var n = byRank[i];
      if (q && n.kgFind.indexOf(q) < 0) { continue; }
      var opt = el("option", n.kgName + " (" + n.kgType + ")");
      opt.value = n.id;
      sel.appendChild(opt);
      shownCount++;
    }
  }
  $("kg-find").addEventListener("input", function (ev) { fill(ev.target.value); });
  $("kg-select").addEventListener("change", function (ev) { if (ev.target.value) { reveal(ev.target.value); } });
  fill("");
  status();
  network.once("afterDrawing", function () { document.body.dataset.ready = "1"; });
  window.kgPage = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                    reveal: reveal, state: state };
}());
