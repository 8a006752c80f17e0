/* chaingraph map: draws every element marked data-map="<id of a JSON block>" with
   vis-network. Tooltips are built from plain data as text nodes, never as HTML.
   Labels keep one size on screen (LABEL_PX, key nodes KEY_PX) whatever the zoom:
   they are given out in each node's rank order, below, above or beside the node, and a
   label that would overlap one already given out is left out, so more appear as the
   user zooms in; the page paints them itself over vis-network's drawing. */
(function () {
  "use strict";

  var LABEL_PX = 12, KEY_PX = 13, GAP_PX = 2;
  var measurer = document.createElement("canvas").getContext("2d");
  var widths = {};

  function textWidth(text, bold) {  // width of text at a 100 px font
    var key = (bold ? "b" : "n") + text;
    if (!(key in widths)) {
      measurer.font = (bold ? "bold " : "") + "100px sans-serif";
      widths[key] = measurer.measureText(text).width;
    }
    return widths[key];
  }

  function tooltip(lines) {
    var box = document.createElement("div");
    lines.forEach(function (line, index) {
      var row = document.createElement("div");
      if (index === 0) {
        row.className = "tip-head";
        row.textContent = line[0] + ": " + line[1];
      } else {
        row.className = "tip-row";
        var key = document.createElement("span");
        key.className = "tip-key";
        key.textContent = line[0] + ": ";
        row.appendChild(key);
        row.appendChild(document.createTextNode(line[1]));
      }
      box.appendChild(row);
    });
    return box;
  }

  function items(list) {
    return list.map(function (item) {
      var copy = Object.assign({}, item);
      if (copy.tip) {
        copy.title = tooltip(copy.tip);
        delete copy.tip;
      }
      delete copy.names;
      if (copy.rank !== undefined) {
        delete copy.label;  // node labels are painted by paint(), not by vis
      }
      return copy;
    });
  }

  /* Boxes in a uniform grid, so a test looks only at the boxes near it. */
  function Grid(cell) {
    this.cell = cell;
    this.cells = {};
  }
  Grid.prototype.each = function (box, visit) {
    var c = this.cell;
    for (var i = Math.floor(box.x / c); i <= Math.floor((box.x + box.w) / c); i++) {
      for (var j = Math.floor(box.y / c); j <= Math.floor((box.y + box.h) / c); j++) {
        if (visit(i + "," + j) === true) {
          return true;
        }
      }
    }
    return false;
  };
  Grid.prototype.add = function (box) {
    var cells = this.cells;
    this.each(box, function (key) { (cells[key] = cells[key] || []).push(box); });
  };
  Grid.prototype.hits = function (a, self) {
    var cells = this.cells;
    return this.each(a, function (key) {
      var list = cells[key] || [];
      for (var i = 0; i < list.length; i++) {
        var b = list[i];
        if ((self === undefined || b.id !== self) && a.x < b.x + b.w && b.x < a.x + a.w &&
            a.y < b.y + b.h && b.y < a.y + a.h) {
          return true;
        }
      }
      return false;
    });
  };

  /* Give out labels for the current zoom: which nodes are named, and on which side.
     Returns {id: screen px} of the labels drawn. */
  function relabel(state) {
    var started = performance.now(), network = state.network, scale = network.getScale();
    var positions = network.getPositions();
    var boxes = new Grid(80 / scale), discs = new Grid(80 / scale), shown = {}, labels = [];
    state.order.forEach(function (node) {  // labels of minor nodes do not cover other nodes
      var pos = positions[node.id], r = node.size || 10;
      if (!state.hiddenKinds[node.kind]) {
        discs.add({ id: node.id, x: pos.x - r, y: pos.y - r, w: 2 * r, h: 2 * r });
      }
    });
    state.order.forEach(function (node) {
      if (state.hiddenKinds[node.kind]) {
        return;
      }
      var px = node.key ? KEY_PX : LABEL_PX, size = px / scale, pos = positions[node.id];
      var w = textWidth(node.label, node.key) / 100 * size, h = size * 1.2, r = node.size || 10, pad = GAP_PX / scale;
      // below, above, then beside: a crowded label takes the first free side
      var gap = 2 / scale;
      var spots = [{ x: pos.x - w / 2, y: pos.y + r + gap, w: w, h: h, side: "below" },
                   { x: pos.x - w / 2, y: pos.y - r - gap - h, w: w, h: h, side: "above" },
                   { x: pos.x + r + gap, y: pos.y - h / 2, w: w, h: h, side: "right" },
                   { x: pos.x - r - gap - w, y: pos.y - h / 2, w: w, h: h, side: "left" }];
      for (var i = 0; i < spots.length; i++) {
        var box = spots[i];
        var padded = { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad };
        if (!boxes.hits(padded) && (node.key || !discs.hits(box, node.id))) {
          boxes.add(padded);
          shown[node.id] = px;
          labels.push({ id: node.id, text: node.label, px: px, side: box.side, r: r, key: !!node.key });
          break;
        }
      }
    });
    state.labels = labels;
    state.shown = shown;
    state.container.setAttribute("data-labels", String(labels.length));
    state.container.setAttribute("data-label-ms", String(Math.round(performance.now() - started)));
    network.redraw();
    return shown;
  }

  /* Paint the chosen labels over the drawing at their size on screen (vis draws none:
     changing thousands of vis labels on every zoom takes most of a second). Each
     label's box, in network coordinates, is kept for tests as lab.box. */
  function paint(state, ctx) {
    var network = state.network, scale = network.getScale(), body = network.body.nodes;
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    state.labels.forEach(function (lab) {
      var node = body[lab.id];
      if (!node || node.options.hidden) {
        return;
      }
      var size = lab.px / scale;
      ctx.font = (lab.key ? "bold " : "") + size + "px sans-serif";
      var w = ctx.measureText(lab.text).width, h = size * 1.2, gap = 2 / scale;
      var x = lab.side === "right" ? node.x + lab.r + gap : lab.side === "left" ? node.x - lab.r - gap - w
        : node.x - w / 2;
      var y = lab.side === "above" ? node.y - lab.r - gap - h : lab.side === "below" ? node.y + lab.r + gap
        : node.y - h / 2;
      ctx.lineWidth = 3 / scale;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(lab.text, x + w / 2, y);
      ctx.fillStyle = "#222222";
      ctx.fillText(lab.text, x + w / 2, y);
      lab.box = [x, y, w, h];
      lab.size = size;
    });
    ctx.restore();
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function find(state, query) {
    var q = query.trim().toLowerCase(), best = null, bestScore = 3;
    if (!q) {
      return null;
    }
    state.order.forEach(function (node) {  // rank order: the first of equal matches wins
      node.names.forEach(function (name) {
        var n = name.toLowerCase();
        var score = n === q ? 0 : n.indexOf(q) === 0 ? 1 : n.indexOf(q) >= 0 ? 2 : 3;
        if (score < bestScore) {
          bestScore = score;
          best = node;
        }
      });
    });
    return best;
  }

  function controls(state) {
    var bar = document.getElementById(state.container.getAttribute("data-controls") || "");
    if (!bar) {
      return;
    }
    var form = el("form", { "class": "map-search", role: "search" });
    var input = el("input", { type: "search", id: "map-search", placeholder: "Find a name…",
                              list: "map-names", "aria-label": "find a node" });
    var list = el("datalist", { id: "map-names" });
    var seen = {};
    state.order.forEach(function (node) {
      node.names.slice(0, 3).forEach(function (name) {
        if (!seen[name]) {
          seen[name] = 1;
          list.appendChild(el("option", { value: name }));
        }
      });
    });
    var status = el("span", { id: "map-search-status", "class": "search-status", "aria-live": "polite" });
    form.appendChild(input);
    form.appendChild(el("button", { type: "submit" }, "Find"));
    form.appendChild(list);
    form.appendChild(status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var node = find(state, input.value);
      if (!node) {
        status.textContent = "no node is called " + input.value;
        return;
      }
      if (state.hiddenKinds[node.kind]) {
        var box = document.querySelector('input[data-kind="' + node.kind + '"]');
        if (box) {
          box.click();
        }
      }
      state.network.selectNodes([node.id]);
      state.network.focus(node.id, { scale: Math.max(1.2, state.network.getScale()), animation: false });
      relabel(state);
      status.textContent = "found " + node.kind + " " + node.names[0];
      state.container.setAttribute("data-focused", node.id);
    });
    bar.appendChild(form);
    var toggles = el("div", { "class": "map-toggles" });
    function group(title, entries, attr, onChange) {
      var box = el("fieldset", {});
      box.appendChild(el("legend", {}, title));
      entries.forEach(function (entry) {
        var label = el("label", {});
        var check = el("input", { type: "checkbox" });
        check.setAttribute(attr, entry[0]);
        check.checked = true;
        check.addEventListener("change", function () { onChange(entry[0], check.checked); });
        label.appendChild(check);
        label.appendChild(document.createTextNode(" " + entry[0] + " (" + entry[1] + ")"));
        box.appendChild(label);
      });
      toggles.appendChild(box);
    }
    group("Show nodes", state.data.kinds || [], "data-kind", function (kind, on) {
      state.hiddenKinds[kind] = !on;
      state.nodes.update(state.order.filter(function (n) { return n.kind === kind; })
        .map(function (n) { return { id: n.id, hidden: !on }; }));
      relabel(state);
    });
    group("Show links", state.data.types || [], "data-type", function (type, on) {
      state.edges.update(state.data.edges.filter(function (e) { return e.type === type; })
        .map(function (e) { return { id: e.id, hidden: !on }; }));
    });
    bar.appendChild(toggles);
  }

  function draw(container) {
    var data = JSON.parse(document.getElementById(container.getAttribute("data-map")).textContent);
    var nodes = new vis.DataSet(items(data.nodes));
    var edges = new vis.DataSet(items(data.edges));
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
    var state = {
      network: network, nodes: nodes, edges: edges, data: data, container: container, hiddenKinds: {},
      order: data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; })
    };
    state.labels = [];
    network.chaingraph = state;
    network.on("afterDrawing", function (ctx) { paint(state, ctx); });
    var physics = !data.options.physics || data.options.physics.enabled !== false;
    var timer = null;
    function ready() {
      network.fit({ animation: false });
      relabel(state);
      network.once("afterDrawing", function () { container.setAttribute("data-ready", "1"); });
      network.redraw();
      network.on("zoom", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { relabel(state); }, 120);
      });
      network.on("dragEnd", function () { relabel(state); });
    }
    if (data.nodes.length === 0) {
      container.setAttribute("data-ready", "1");
    } else if (physics) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        ready();
      });
    } else {
      ready();
    }
    controls(state);
    return network;
  }

  window.chaingraphMaps = [];
  Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), function (container) {
    window.chaingraphMaps.push(draw(container));
  });
}());
