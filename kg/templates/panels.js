/* kg page, part 2: the details panel of a person, agency, topic, event, place, document or quote,
 * and the "correct this" lines for the corrections file. */
var QUOTES_SHOWN = 30, COUNTS_SHOWN = 20;

function button(text, onclick, cls) {
  var b = el("button", text, cls || "kg-link");
  b.type = "button";
  b.addEventListener("click", onclick);
  return b;
}
function entButton(i) { return button(ents[i].label, function () { reveal(ents[i].id); }); }
function rows(panel, list) {
  var dl = el("dl");
  list.forEach(function (r) {
    if (r[1] === "" || r[1] === null || r[1] === undefined) { return; }
    dl.appendChild(el("dt", r[0]));
    var dd = el("dd");
    if (r[1] instanceof Node) { dd.appendChild(r[1]); } else { dd.textContent = String(r[1]); }
    dl.appendChild(dd);
  });
  panel.appendChild(dl);
}
function section(panel, title) { panel.appendChild(el("h3", title)); }
function webLink(url) {  // only http(s) addresses become links; anything else stays text
  var ok = false;
  try { ok = /^https?:$/.test(new URL(url).protocol); } catch (e) { ok = false; }
  if (!ok) { return el("span", url, "kg-url"); }
  var a = el("a", url, "kg-url");
  a.href = url;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}
function officeText(r) {
  var t = roles[r].title, org = roles[r].org;
  return t + (org >= 0 && norm(t).indexOf(norm(ents[org].label)) < 0 ? " \u2014 " + ents[org].label : "");
}
function newestFirst(list) {
  return list.slice().sort(function (a, b) {
    var qa = quotes[a], qb = quotes[b];
    return qa.date < qb.date ? 1 : qa.date > qb.date ? -1 : a - b;
  });
}

/* one quote: its words, kind, date, article, source, offices, topics, sentence and correction */
function quoteItem(i, context) {
  var q = quotes[i], li = el("li", null, "kg-q"), d = q.d >= 0 ? docs[q.d] : null;
  li.dataset.quote = q.id;
  var bq = el("blockquote", q.text, "kg-quote-text" + (q.direct ? "" : " kg-reported"));
  li.appendChild(bq);
  var meta = el("div", null, "kg-meta");
  meta.appendChild(el("span", q.direct ? "direct quote" : "reported statement", "kg-kind"));
  if (q.s >= 0 && q.s !== context) { meta.appendChild(el("span", " \u00b7 ")); meta.appendChild(entButton(q.s)); }
  if (q.s < 0) { meta.appendChild(el("span", " \u00b7 speaker unknown")); }
  if (q.date) { meta.appendChild(el("span", " \u00b7 " + q.date, "kg-date")); }
  li.appendChild(meta);
  if (d) {
    var src = el("div", null, "kg-meta");
    src.appendChild(button(d.title || d.source, function () { reveal(d.id); }));
    src.appendChild(el("span", " \u00b7 " + d.source, "kg-source"));
    if (d.url) { src.appendChild(el("span", " \u00b7 ")); src.appendChild(webLink(d.url)); }
    li.appendChild(src);
  }
  if (q.roles.length) { li.appendChild(el("div", "as " + q.roles.map(officeText).join("; "), "kg-meta kg-office")); }
  if (q.about.length) {
    var ab = el("div", "about: ", "kg-meta kg-about");
    q.about.forEach(function (t, k) { if (k) { ab.appendChild(el("span", ", ")); } ab.appendChild(entButton(t)); });
    li.appendChild(ab);
  }
  var tools = el("div", null, "kg-tools");
  var ctx = el("p", null, "kg-context");
  ctx.hidden = true;
  tools.appendChild(button("Show sentence", function (ev) {
    if (!ctx.firstChild) { sentence(ctx, q); }
    ctx.hidden = !ctx.hidden;
    ev.target.textContent = ctx.hidden ? "Show sentence" : "Hide sentence";
  }, "kg-show-sentence"));
  var fix = el("div", null, "kg-fix");
  fix.hidden = true;
  tools.appendChild(button("Correct this", function () {
    if (!fix.firstChild) { speakerForm(fix, q); }
    fix.hidden = !fix.hidden;
  }, "kg-correct"));
  li.appendChild(tools);
  li.appendChild(ctx);
  li.appendChild(fix);
  return li;
}
function sentence(p, q) {  // the sentence around the quote, the quote's words marked
  var text = q.ctx || q.text, at = text.indexOf(q.text);
  if (at < 0) { p.textContent = text; return; }
  p.appendChild(document.createTextNode(text.slice(0, at)));
  p.appendChild(el("mark", q.text));
  p.appendChild(document.createTextNode(text.slice(at + q.text.length)));
}
function quoteList(panel, list, context, title) {
  section(panel, title + " (" + list.length + ")");
  var ul = el("ul", null, "kg-quotes"), sorted = newestFirst(list), n = 0;
  function more() {
    sorted.slice(n, n + QUOTES_SHOWN).forEach(function (i) { ul.appendChild(quoteItem(i, context)); });
    n += QUOTES_SHOWN;
    moreBtn.hidden = n >= sorted.length;
    moreBtn.textContent = "Show " + Math.min(QUOTES_SHOWN, sorted.length - n) + " more of " + (sorted.length - n);
  }
  var moreBtn = button("", more, "kg-more");
  panel.appendChild(ul);
  panel.appendChild(moreBtn);
  more();
}
function countList(panel, title, counts) {  // [[entity index, count]] as buttons, most first
  if (!counts.length) { return; }
  section(panel, title);
  var ul = el("ul", null, "kg-counts");
  counts.sort(function (a, b) { return b[1] - a[1] || (ents[a[0]].label < ents[b[0]].label ? -1 : 1); });
  counts.slice(0, COUNTS_SHOWN).forEach(function (c) {
    var li = el("li"); li.appendChild(entButton(c[0])); li.appendChild(el("span", " " + c[1])); ul.appendChild(li);
  });
  panel.appendChild(ul);
  if (counts.length > COUNTS_SHOWN) { panel.appendChild(el("p", "and " + (counts.length - COUNTS_SHOWN) + " more (the quote table lists them all)", "kg-hint")); }
}
function tally(list, key) {
  var c = {};
  list.forEach(function (i) { [].concat(key(quotes[i])).forEach(function (k) { if (k >= 0) { c[k] = (c[k] || 0) + 1; } }); });
  return Object.keys(c).map(function (k) { return [Number(k), c[k]]; });
}

function showPanel(id) {
  var panel = $("kg-details");
  panel.replaceChildren();
  panel.dataset.node = id;
  if (entAt[id] !== undefined) { entityPanel(panel, entAt[id]); } else if (docAt[id] !== undefined) {
    documentPanel(panel, docAt[id]);
  } else if (quoteAt[id] !== undefined) { quotePanel(panel, quoteAt[id]); }
  panel.scrollTop = 0;
}
function entityPanel(panel, i) {
  var e = ents[i], said = e.said, kinds = { direct: 0, reported: 0 };
  said.forEach(function (k) { kinds[quotes[k].direct ? "direct" : "reported"]++; });
  panel.appendChild(el("h2", e.label));
  panel.appendChild(el("p", e.type, "kg-type"));
  var tools = el("div", null, "kg-tools");
  tools.appendChild(button("Show its quotes in the graph", function () { expand(e.id); }, "kg-expand"));
  var fix = el("div", null, "kg-fix");
  fix.hidden = true;
  tools.appendChild(button("Correct this", function () { if (!fix.firstChild) { entityForm(fix, i); } fix.hidden = !fix.hidden; }, "kg-correct"));
  panel.appendChild(tools);
  panel.appendChild(fix);
  rows(panel, [["Also written", e.aliases.join("; ")], ["Official", e.type === "Person" ? (e.official ? "yes" : "no") : ""],
               ["Quotes", said.length ? said.length + " (" + kinds.direct + " direct, " + kinds.reported + " reported)" : ""],
               ["Quotes about it", e.about.length ? String(e.about.length) : ""],
               ["Documents", String(e.docs.length)]]);
  var held = e.roles.filter(function (r) { return roles[r].p === i; });
  if (held.length) {
    section(panel, "Offices");
    var ul = el("ul");
    held.forEach(function (r) {
      var d = roles[r].d >= 0 ? docs[roles[r].d] : null;
      ul.appendChild(el("li", officeText(r) + " (" + [roles[r].date, d ? d.source : ""].filter(Boolean).join(", ") + ")"));
    });
    panel.appendChild(ul);
  }
  if (e.type === "Agency") {
    countList(panel, "People holding office here", e.roles.filter(function (r) { return roles[r].org === i; })
      .map(function (r) { return [roles[r].p, 1]; }).reduce(function (acc, c) {
        var f = acc.filter(function (a) { return a[0] === c[0]; })[0];
        if (f) { f[1]++; } else { acc.push(c); }
        return acc;
      }, []));
  }
  if (e.type === "Event") {
    if (e.reports.length) {
      section(panel, "Reports (date, place, source)");
      var ur = el("ul");
      e.reports.forEach(function (k) {
        var r = reports[k];
        ur.appendChild(el("li", [r.date, r.place >= 0 ? ents[r.place].label : "", r.d >= 0 ? docs[r.d].source : ""].filter(Boolean).join(", ") || "no date or place"));
      });
      panel.appendChild(ur);
    }
    var parts = {};
    e.reports.forEach(function (k) { reports[k].parts.forEach(function (p) { parts[p] = (parts[p] || 0) + 1; }); });
    countList(panel, "Participants", Object.keys(parts).map(function (p) { return [Number(p), parts[p]]; }));
  }
  if (said.length) { quoteList(panel, said, i, "Quotes and statements"); }
  var others = Object.keys(e.involved).map(Number).filter(function (k) { return quotes[k].s !== i; });
  if (others.length) {
    countList(panel, e.type === "Agency" ? "Who spoke (for it or about it)" : "Who spoke about it", tally(others, function (q) { return q.s; }));
    quoteList(panel, others, i, e.type === "Event" ? "What was said there" : e.type === "Agency" ? "Quotes by its officials or about it" : "Quotes about it");
  }
  var dl = e.docs.map(function (d) { return d; });
  if (dl.length) {
    section(panel, "Documents");
    var ud = el("ul");
    dl.forEach(function (d) { var li = el("li"); li.appendChild(button((docs[d].title || docs[d].source) + (docs[d].date ? " (" + docs[d].date + ")" : ""), function () { reveal(docs[d].id); })); ud.appendChild(li); });
    panel.appendChild(ud);
  }
}
function documentPanel(panel, i) {
  var d = docs[i];
  panel.appendChild(el("h2", d.title || d.source));
  panel.appendChild(el("p", "Document", "kg-type"));
  rows(panel, [["Title", d.title], ["Date", d.date], ["Source file", d.source], ["Web address", d.url ? webLink(d.url) : ""],
               ["Quotes", String(d.quotes.length)]]);
  countList(panel, "People quoted", tally(d.quotes, function (q) { return q.s; }));
  var named = ents.map(function (e, k) { return k; }).filter(function (k) { return ents[k].docs.indexOf(i) >= 0; });
  if (named.length) {
    section(panel, "Named in it");
    var p = el("p", null, "kg-named");
    named.forEach(function (k, n) { if (n) { p.appendChild(el("span", ", ")); } p.appendChild(entButton(k)); });
    panel.appendChild(p);
  }
  if (d.quotes.length) { quoteList(panel, d.quotes, -1, "Quotes in this article"); }
}
function quotePanel(panel, i) {
  var q = quotes[i];
  panel.appendChild(el("h2", (q.direct ? "Quote" : "Statement") + (q.s >= 0 ? " by " + ents[q.s].label : "")));
  panel.appendChild(el("p", "Quote", "kg-type"));
  var ul = el("ul", null, "kg-quotes");
  var li = quoteItem(i, -1);
  ul.appendChild(li);
  panel.appendChild(ul);
  var ctx = li.querySelector(".kg-context");
  sentence(ctx, q);
  ctx.hidden = false;
  li.querySelector(".kg-show-sentence").textContent = "Hide sentence";
  rows(panel, [["Offsets", q.start !== null ? q.start + "\u2013" + q.end : ""], ["Cue", q.cue]]);
}

/* ---- "correct this": the exact line for the corrections file, copied and shown ---- */
function jsonLine(pairs) {  // fields left empty are left out: the corrections file refuses empty strings
  pairs = pairs.filter(function (p) { return p[1] !== ""; });
  return "{" + pairs.map(function (p) { return JSON.stringify(p[0]) + ": " + JSON.stringify(p[1]); }).join(", ") + "}";
}
function today() { return new Date().toISOString().slice(0, 10); }
function opening(text) { return text.replace(/^[\s"'\u201c\u201d\u2018\u2019]+/, "").split(/\s+/); }
function firstWords(q) {  // the first 8 words, or as many more as tell the quote from the others of its article
  var words = opening(q.text), n = 8, others = quotes.filter(function (o) { return o !== q && o.d === q.d; })
    .map(function (o) { return opening(o.text).join(" ").toLowerCase(); });
  function shared(w) { return others.some(function (o) { return o.startsWith(w); }); }
  while (n < words.length && shared(words.slice(0, n).join(" ").toLowerCase())) { n += 1; }
  return words.slice(0, n).join(" ");
}
function entityRef(i) {  // a label when no other entity has it, else the IRI
  var n = norm(ents[i].label);
  return ents.some(function (e, k) { return k !== i && norm(e.label) === n; }) ? ents[i].id : ents[i].label;
}
function slug(s) {  // kg.graph._slug: the local part of an IRI minted from a label
  return (s.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || []).join("-")
    .slice(0, 80).replace(/^-+|-+$/g, "");
}
function speakerRef(typed) {  // what the corrections file resolves to the speaker chosen: the label when
  // it mints that very person in any article (kg.correct), else the entity's IRI (an agency, a shared label)
  var want = norm(typed), hits = [];
  ents.forEach(function (e, k) { if ((e.type === "Person" || e.type === "Agency") && norm(e.label) === want) { hits.push(k); } });
  if (hits.length !== 1) { return typed.trim(); }
  var e = ents[hits[0]], local = e.id.split("/").slice(-2);
  return e.type === "Person" && local[0] === "person" && local[1] === slug(e.label) && entityRef(hits[0]) === e.label
    ? e.label : e.id;
}
function labelled(text, input) { var l = el("label", text, "kg-field"); l.appendChild(input); return l; }
function inputWith(list, value) {
  var inp = el("input");
  inp.type = "text";
  inp.value = value || "";
  if (list) { inp.setAttribute("list", list); }
  return inp;
}
function lineBox(box, make) {  // a reviewer field, the line (read-only text box) and a copy button
  var who = inputWith(null, state.reviewer);
  who.className = "kg-reviewer";
  box.appendChild(labelled("Reviewer ", who));
  var out = el("textarea", null, "kg-line");
  out.readOnly = true;
  out.rows = 3;
  var copy = button("Copy line", function () {
    out.select();
    var done = function () { copy.textContent = "Copied"; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(out.value).then(done, function () { document.execCommand("copy"); done(); });
    } else { document.execCommand("copy"); done(); }
  }, "kg-copy");
  function update() { state.reviewer = who.value; out.value = make(who.value.trim(), today()); copy.textContent = "Copy line"; }
  who.addEventListener("input", update);
  box.appendChild(out);
  box.appendChild(copy);
  box.appendChild(el("p", "Add the line to the corrections file and rebuild.", "kg-hint"));
  return update;
}
function speakerForm(box, q) {
  var to = inputWith("kg-speakers", q.s >= 0 ? ents[q.s].label : "");
  to.className = "kg-to";
  box.appendChild(labelled("Speaker should be ", to));
  box.appendChild(el("p", "Leave it empty when no one said it.", "kg-hint"));
  var update = lineBox(box, function (by, at) {
    return jsonLine([["op", "speaker"], ["document", q.d >= 0 ? docs[q.d].source : ""], ["quote", firstWords(q)],
                     ["to", to.value.trim() ? speakerRef(to.value) : null], ["by", by], ["at", at]]);
  });
  to.addEventListener("input", update);
  update();
}
function entityForm(box, i) {
  var op = el("select", null, "kg-op");
  [["merge", "Same as another entity (merge)"], ["reject", "Not an entity (reject)"]].forEach(function (o) {
    var opt = el("option", o[1]); opt.value = o[0]; op.appendChild(opt);
  });
  box.appendChild(labelled("Correction ", op));
  var other = inputWith("kg-names-" + ents[i].type, "");
  other.className = "kg-other";
  var kept = inputWith(null, ents[i].label);
  kept.className = "kg-kept";
  var mergeFields = el("div");
  mergeFields.appendChild(labelled("Same as ", other));
  mergeFields.appendChild(labelled("Keep the label ", kept));
  box.appendChild(mergeFields);
  var update = lineBox(box, function (by, at) {
    if (op.value === "reject") { return jsonLine([["op", "reject"], ["entity", ents[i].id], ["by", by], ["at", at]]); }
    var k = -1, want = norm(other.value);
    ents.forEach(function (e, n) { if (k < 0 && n !== i && e.type === ents[i].type && norm(e.label) === want) { k = n; } });
    return jsonLine([["op", "merge"], ["entities", [entityRef(i), k >= 0 ? entityRef(k) : other.value.trim()]],
                     ["label", kept.value.trim()], ["by", by], ["at", at]]);
  });
  op.addEventListener("change", function () { mergeFields.hidden = op.value !== "merge"; update(); });
  other.addEventListener("input", update);
  kept.addEventListener("input", update);
  update();
}
function datalists() {  // the names the correction fields offer
  var lists = { "kg-speakers": [] };
  ents.forEach(function (e) {
    if (e.type === "Person" || e.type === "Agency") { lists["kg-speakers"].push(e.label); }
    (lists["kg-names-" + e.type] = lists["kg-names-" + e.type] || []).push(e.label);
  });
  Object.keys(lists).forEach(function (name) {
    var dl = el("datalist");
    dl.id = name;
    lists[name].forEach(function (l) { var o = el("option"); o.value = l; dl.appendChild(o); });
    document.body.appendChild(dl);
  });
}
