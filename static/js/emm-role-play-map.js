/* emm_role_play editor, part 2: the map of the scenario as inline SVG (no library) and the list of
   problems that is its text alternative. Boxes are nodes in layers, by breadth-first depth from the
   roles' starts (nodes no start leads to sit in a last row apart); arrows are choices. The marks are
   the server's: each problem's field ("nodes.3", "nodes.3.choices.1.goto") names its node and its
   code (EMM.EDITOR_CODES: UNREACHABLE, DEAD_END, LOOP_WITHOUT_ENDING, UNKNOWN_TARGET, STRANDED) the kind of mark. */
(function (global) {
  "use strict";
  if (global.EmmRolePlayMap) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var W = 150, H = 50, GX = 24, GY = 52, PAD = 16, COLS = 6, MAX_BOXES = 300, BACK = 26;

  function _(text) { return global.EMM.gettext(text); }

  function kindLabel(code) {
    var C = global.EMM.EDITOR_CODES, labels = {};
    labels[C.UNREACHABLE] = _("Cannot be reached");
    labels[C.DEAD_END] = _("Dead end");
    labels[C.LOOP_WITHOUT_ENDING] = _("Loop without ending");
    labels[C.UNKNOWN_TARGET] = _("Unknown target");
    labels[C.STRANDED] = _("May leave no choice");
    return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : "";
  }

  function svg(tag, attrs, children) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* The node index a problem field points at ("nodes.3.choices.1.goto" -> 3), or -1. */
  function nodeIndex(field) {
    var match = /^nodes\.(\d+)(?:\.|$)/.exec(field || "");
    return match ? Number(match[1]) : -1;
  }

  /* Layers by breadth-first depth from the starts; each layer wraps after COLS boxes. */
  function layout(data) {
    var nodes = data.nodes || [], index = {}, depth = {}, queue = [], layers = [], rest = [];
    nodes.forEach(function (n, i) { if (n.id && !Object.prototype.hasOwnProperty.call(index, n.id)) { index[n.id] = i; } });
    (data.roles || []).forEach(function (r) {
      var i = index[r.start];
      if (i !== undefined && depth[i] === undefined) { depth[i] = 0; queue.push(i); }
    });
    for (var head = 0; head < queue.length; head += 1) {
      var from = queue[head];
      (nodes[from].choices || []).forEach(function (c) {
        var t = index[c.goto];
        if (t !== undefined && depth[t] === undefined) { depth[t] = depth[from] + 1; queue.push(t); }
      });
    }
    queue.forEach(function (i) { (layers[depth[i]] = layers[depth[i]] || []).push(i); });
    nodes.forEach(function (n, i) { if (depth[i] === undefined) { rest.push(i); } });
    if (rest.length) { layers.push(rest); }
    var pos = {}, y = PAD, cols = 1, shown = 0;
    layers.forEach(function (layer) {
      layer.forEach(function (i, k) {
        if (shown >= MAX_BOXES) { return; }
        shown += 1;
        pos[i] = {x: PAD + (k % COLS) * (W + GX), y: y + Math.floor(k / COLS) * (H + GY / 2), layer: layers.indexOf(layer)};
      });
      cols = Math.max(cols, Math.min(layer.length, COLS));
      y += Math.ceil(layer.length / COLS) * (H + GY / 2) + GY / 2;
    });
    return {index: index, pos: pos, shown: shown, total: nodes.length, starts: depth,
      width: 2 * PAD + cols * (W + GX) + BACK * 2, height: y + PAD};
  }

  /* Right to left (Arabic): the layout mirrored, the first box of a row at the right; boxes keep
     their text as is. */
  function mirror(L) {
    Object.keys(L.pos).forEach(function (key) { L.pos[key].x = L.width - L.pos[key].x - W; });
    L.rtl = true;
    return L;
  }

  function edgePath(a, b, rtl) {
    if (b.layer > a.layer) {  /* forward: bottom of the source to the top of the target */
      var x1 = a.x + W / 2, y1 = a.y + H, x2 = b.x + W / 2, y2 = b.y;
      return {d: "M" + x1 + " " + y1 + " C" + x1 + " " + (y1 + GY / 2) + " " + x2 + " " + (y2 - GY / 2) + " " + x2 + " " + y2, back: false};
    }
    /* back or sideways: around the row's end side (the right; the left from right to left) */
    var bulge = BACK + Math.abs(a.layer - b.layer) * 4, side = rtl ? -1 : 1;
    var sx = rtl ? a.x : a.x + W, sy = a.y + H / 2, tx = rtl ? b.x : b.x + W, ty = b.y + H / 2 + (a === b ? 12 : 0);
    return {d: "M" + sx + " " + sy + " C" + (sx + side * bulge) + " " + sy + " " + (tx + side * bulge) + " " + ty + " " + tx + " " + ty, back: true};
  }

  /* The map fits its panel (drawn smaller, down to FIT of its size) or scrolls with a cue that
     says so, kept in view (sticky) at the panel's start. */
  var FIT = 0.75;
  function fit(box, root, L) {
    var room = box.clientWidth;
    if (!room || L.width <= room) { return; }
    if (room >= L.width * FIT) {
      root.setAttribute("width", String(room));
      root.setAttribute("height", String(Math.round(L.height * room / L.width)));
      return;
    }
    box.classList.add("emm-rp-scrolls");
    box.insertBefore(global.EMM.el("p", {class: "emm-rp-scroll-cue", "data-scroll-cue": "",
      text: _("The map is wider than this panel: scroll sideways to see all of it.")}), root);
  }

  function short(text, max) { return text.length > max ? text.slice(0, max - 1) + "…" : text; }

  /* Draw the map of `data` (the editor's form) with the marks of `problems` into `box`.
     opts: {prefix, labelledby, onPick(nodeIndex)}. Keyboard: one box is in the tab order; arrows move as drawn. */
  function draw(box, data, problems, opts) {
    var L = layout(data), nodes = data.nodes || [], marks = {};
    var host = box.closest ? box.closest("[dir]") : null;
    if (host && host.getAttribute("dir") === "rtl") { mirror(L); }
    var focused = box.querySelector(".emm-rp-box:focus");
    var refocus = focused ? Number(focused.getAttribute("data-node")) : -1;
    (problems || []).forEach(function (p) {
      var i = nodeIndex(p.field);
      if (i >= 0) { (marks[i] = marks[i] || []).push(p); }
    });
    var arrow = opts.prefix + "-arrow", bad = opts.prefix + "-arrow-bad";
    var root = svg("svg", {class: "emm-rp-svg", width: L.width, height: L.height, viewBox: "0 0 " + L.width + " " + L.height,
      role: "group", "aria-labelledby": opts.labelledby});
    root.appendChild(svg("defs", {}, [arrow, bad].map(function (id) {
      return svg("marker", {id: id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto"},
        [svg("path", {d: "M0 0 L10 5 L0 10 z", class: id === bad ? "emm-rp-head-bad" : "emm-rp-head"})]);
    })));
    var edges = svg("g", {class: "emm-rp-edges", "aria-hidden": "true"}), boxes = [], places = [];
    Object.keys(L.pos).forEach(function (key) {
      var i = Number(key), a = L.pos[i], seen = {}, stubs = 0;
      /* a node with warnings only (a draft no role reaches yet) draws its stubs in the warnings' colour */
      var mine = marks[i] || [], draft = mine.length && mine.every(function (m) { return m.error === false; }) ? " emm-rp-draft" : "";
      (nodes[i].choices || []).forEach(function (c) {
        var t = L.index[c.goto];
        if (t === undefined) {  /* unknown (or no) target: a red stub with the name it gives */
          var sx = L.rtl ? a.x + W - 12 - stubs * 14 : a.x + 12 + stubs * 14, sy = a.y + H;
          stubs += 1;
          edges.appendChild(svg("path", {d: "M" + sx + " " + sy + " l0 " + (GY / 2 - 8), class: "emm-rp-edge emm-rp-broken" + draft,
            "marker-end": "url(#" + (draft ? arrow : bad) + ")"}));
          edges.appendChild(svg("text", {x: L.rtl ? sx - 4 : sx + 4, y: sy + GY / 2 - 2, class: "emm-rp-stub" + draft,
            "text-anchor": "start"}, ["? " + short(c.goto || "", 12)]));  /* start: the right end from right to left */
        } else if (L.pos[t] && !seen[t]) {
          seen[t] = true;
          var e = edgePath(a, L.pos[t], L.rtl);
          edges.appendChild(svg("path", {d: e.d, class: "emm-rp-edge" + (e.back ? " emm-rp-back" : ""), "marker-end": "url(#" + arrow + ")"}));
        }
      });
    });
    root.appendChild(edges);
    Object.keys(L.pos).forEach(function (key) {
      var i = Number(key), p = L.pos[i], n = nodes[i], mine = marks[i] || [], kinds = [];
      mine.forEach(function (m) { var k = kindLabel(m.code); if (k && kinds.indexOf(k) < 0) { kinds.push(k); } });
      var errors = mine.filter(function (m) { return m.error !== false; }).length;
      var cls = "emm-rp-box" + (n.ending ? " emm-rp-end" : "") + (errors ? " emm-rp-bad" : (mine.length ? " emm-rp-warn" : "")) +
        (mine.some(function (m) { return m.code === global.EMM.EDITOR_CODES.UNREACHABLE; }) ? " emm-rp-unreached" : "");
      var second = kinds.length ? kinds.join(", ") : (mine.length ? global.EMM.format(global.EMM.ngettext("{n} problem", "{n} problems", mine.length), {n: global.EMM.count(mine.length, box)}) :
        (L.starts[i] === 0 ? _("Start") : (n.ending ? _("Ending") : "")));
      var name = [global.EMM.format(_("Node {id}"), {id: n.id || "?"})];
      if (L.starts[i] === 0) { name.push(_("Start")); }
      if (n.ending) { name.push(_("Ending")); }
      mine.forEach(function (m) { name.push(worded(m)); });
      var g = svg("g", {class: cls, transform: "translate(" + p.x + " " + p.y + ")", tabindex: "-1", role: "button",
        "aria-label": name.join(". "), "data-node": i}, [
        svg("rect", {class: "emm-rp-ring", x: -4, y: -4, width: W + 8, height: H + 8, rx: 8}),
        svg("rect", {width: W, height: H, rx: n.ending ? 18 : 4}),
        svg("text", {x: W / 2, y: 20, "text-anchor": "middle", class: "emm-rp-id"}, [short(n.id || "?", 20)]),
        svg("text", {x: W / 2, y: 38, "text-anchor": "middle", class: mine.length ? "emm-rp-kind" : "emm-rp-sub"}, [short(second, 24)])
      ]);
      if (errors) { g.appendChild(svg("text", {x: W - 10, y: 14, "text-anchor": "middle", class: "emm-rp-kind"}, ["!"])); }
      boxes.push(g);
      places.push(p);
      root.appendChild(g);
    });
    if (boxes.length) { boxes[0].setAttribute("tabindex", "0"); }
    /* the box an arrow points at, as drawn: along the row for left and right, the nearest row below or above (then
       the nearest box in it) for down and up; -1 at the map's edge (author trial s38: the keys followed the list) */
    function toward(at, key) {
      var from = places[at], best = -1, least = Infinity;
      places.forEach(function (p, i) {
        var dx = p.x - from.x, dy = p.y - from.y;
        var ahead = {ArrowRight: dy === 0 && dx > 0, ArrowLeft: dy === 0 && dx < 0, ArrowDown: dy > 0, ArrowUp: dy < 0}[key];
        var cost = dy === 0 ? Math.abs(dx) : Math.abs(dy) * 1e6 + Math.abs(dx);
        if (ahead && cost < least) { least = cost; best = i; }
      });
      return best;
    }
    /* the first box drawn (top row, its start side), or the last */
    function corner(last) {
      var best = 0;
      places.forEach(function (p, i) {
        var q = places[best], before = p.y < q.y || (p.y === q.y && (L.rtl ? p.x > q.x : p.x < q.x));
        if (last ? !before && (p.y !== q.y || p.x !== q.x) : before) { best = i; }
      });
      return best;
    }
    function move(from, to) {
      from.setAttribute("tabindex", "-1");
      to.setAttribute("tabindex", "0");
      to.focus();
    }
    root.addEventListener("keydown", function (event) {
      var at = boxes.indexOf(event.target.closest ? event.target.closest(".emm-rp-box") : null);
      if (at < 0) { return; }
      if (/^Arrow/.test(event.key)) {
        var to = toward(at, event.key);
        if (to >= 0) { move(boxes[at], boxes[to]); }
      }
      else if (event.key === "Home" || event.key === "End") { move(boxes[at], boxes[corner(event.key === "End")]); }
      else if (event.key === "Enter" || event.key === " ") { opts.onPick(Number(boxes[at].getAttribute("data-node"))); }
      else { return; }
      event.preventDefault();
    });
    root.addEventListener("click", function (event) {
      var g = event.target.closest ? event.target.closest(".emm-rp-box") : null;
      if (g) { opts.onPick(Number(g.getAttribute("data-node"))); }
    });
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.classList.remove("emm-rp-scrolls");
    if (L.shown < L.total) {
      box.appendChild(global.EMM.el("p", {class: "emm-rp-hint", text: global.EMM.format(_("The map shows {shown} of {total} nodes."), {shown: global.EMM.count(L.shown, box), total: global.EMM.count(L.total, box)})}));
    }
    if (!boxes.length) {
      box.appendChild(global.EMM.el("p", {class: "emm-rp-hint", text: _("No nodes yet.")}));
      return;
    }
    box.appendChild(root);
    fit(box, root, L);
    var again = root.querySelector(".emm-rp-box[data-node=\"" + refocus + "\"]");
    if (again) { move(boxes[0], again); }
  }

  /* A problem's words: a warning says it is one, on the map's boxes as in the list (its colour alone is no cue). */
  function worded(p) { return p.error === false ? global.EMM.format(_("Warning: {message}"), {message: p.message}) : p.message; }

  /* The text alternative: every problem, each a button that takes the author to its field. */
  function list(ul, problems, onGo) {
    while (ul.firstChild) { ul.removeChild(ul.firstChild); }
    (problems || []).forEach(function (p) {
      var text = worded(p);
      var li = global.EMM.el("li", {class: p.error === false ? "emm-warning" : "emm-error"});
      li.appendChild(onGo ? global.EMM.el("button", {type: "button", class: "emm-rp-go", text: text}) : document.createTextNode(text));
      if (onGo) { li.firstChild.addEventListener("click", function () { onGo(p); }); }
      ul.appendChild(li);
    });
  }

  global.EmmRolePlayMap = {layout: layout, mirror: mirror, draw: draw, list: list, nodeIndex: nodeIndex, kindLabel: kindLabel};
}(window));
