/* chaingraph map: draws every element marked data-map="<id of a JSON block>" with
   vis-network. Tooltips are built from plain data as text nodes, never as HTML. */
(function () {
  "use strict";

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
      return copy;
    });
  }

  function draw(container) {
    var data = JSON.parse(document.getElementById(container.getAttribute("data-map")).textContent);
    var network = new vis.Network(container, {
      nodes: new vis.DataSet(items(data.nodes)),
      edges: new vis.DataSet(items(data.edges))
    }, data.options);
    var physics = !data.options.physics || data.options.physics.enabled !== false;
    function ready() {
      container.setAttribute("data-ready", "1");
    }
    if (physics) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.once("afterDrawing", ready);
        network.redraw();
      });
    } else {
      network.once("afterDrawing", ready);
    }
    if (data.nodes.length === 0) {
      ready();
    }
    return network;
  }

  window.chaingraphMaps = [];
  Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), function (container) {
    window.chaingraphMaps.push(draw(container));
  });
}());
