/* chaingraph map: draws every element marked data-map="<id of a JSON block>" with
   vis-network. Tooltips are built from plain data as text nodes, never as HTML.
   Labels keep one size on screen (LABEL_PX, key nodes KEY_PX) whatever the zoom:
   they are given out in each node's rank order and a label that would overlap one
   already drawn is left out, so more appear as the user zooms in. */
(function () {
  "use strict";

  var LABEL_PX = 12, KEY_PX = 13, GAP_PX = 2;
  var INSIDE = { box: 1, ellipse: 1, circle: 1, database: 1, text: 1 };
  var measurer = document.createElement("canvas").getContext("2d");
  var widths = {};

  function textWidth(text) {  // width of text at a 100 px font
    if (!(text in widths)) {
      measurer.font = "100px sans-serif";
      widths[text] = measurer.measureText(text).width;
    }
    return widths[text];
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
      return copy;
    });
  }

  function overlaps(a, list, self) {
    for (var i = 0; i < list.length; i++) {
      var b = list[i];
      if ((self === undefined || b.id !== self) && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
        return true;
      }
    }
    return false;
  }

  /* Give out labels for the current zoom: returns {id: screen px} of the labels drawn. */
  function relabel(state) {
    var network = state.network, scale = network.getScale();
    var positions = network.getPositions();
    var boxes = [], updates = [], shown = {}, discs = [];
    var fontBase = (state.data.options.nodes || {}).font || {};
    state.order.forEach(function (node) {  // labels of minor nodes do not cover other nodes
      var pos = positions[node.id], r = node.size || 10;
      if (!state.hiddenKinds[node.kind]) {
        discs.push({ id: node.id, x: pos.x - r, y: pos.y - r, w: 2 * r, h: 2 * r });
      }
    });
    state.order.forEach(function (node) {
      if (state.hiddenKinds[node.kind]) {
        return;
      }
      var px = node.key ? KEY_PX : LABEL_PX, size = px / scale, pos = positions[node.id];
      var w = textWidth(node.label) / 100 * size, h = size * 1.2, r = node.size || 10, pad = GAP_PX / scale;
      var spots = INSIDE[node.shape]
        ? [{ x: pos.x - w / 2 - r, y: pos.y - h / 2 - r / 2, w: w + 2 * r, h: h + r, shift: 0 }]
        : [{ x: pos.x - w / 2, y: pos.y + r + 2 / scale, w: w, h: h, shift: 0 },                  // below
           { x: pos.x - w / 2, y: pos.y - r - 2 / scale - h, w: w, h: h, shift: -(2 * r + h + 4 / scale) }];  // above
      var chosen = null;
      for (var i = 0; i < spots.length && !chosen; i++) {
        var box = spots[i];
        var padded = { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad };
        if (!overlaps(padded, boxes) && (node.key || !overlaps(box, discs, node.id))) {
          chosen = box;
          boxes.push(padded);
          shown[node.id] = px;
        }
      }
      var font = Object.assign({}, fontBase, node.font || {}, { size: size, vadjust: chosen ? chosen.shift : 0 });
      if (!chosen) {
        font.color = "rgba(0,0,0,0)";
        font.strokeWidth = 0;
      }
      updates.push({ id: node.id, font: font });
    });
    state.nodes.update(updates);
    state.shown = shown;
    state.container.setAttribute("data-labels", String(Object.keys(shown).length));
    return shown;
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
    network.chaingraph = state;
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
