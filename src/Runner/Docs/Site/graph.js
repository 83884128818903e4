// The lineage graph on a canvas. Up to GROUP_ABOVE nodes: the layered layout computed by
// `forge docs generate` (node.L = layer, node.R = order in layer), edges routed through the gaps
// between rows so they never pass behind a node. Above that: the grouped overview of
// graph-groups.js with level of detail: boxes per folder with counts and bundled edges when zoomed
// out, then the nodes, then their names and edges. Only what is on screen is drawn.
(function () {
  'use strict';
  var NODE_W = 190, NODE_H = 30, COL_GAP = 250, ROW_GAP = 42, GROUP_ABOVE = 400;
  var LOD_NODES = 0.12, LOD_LABELS = 0.38;
  var COLORS = {
    model: ['#e8f0fe', '#2563eb'], source: ['#e7f6ec', '#15803d'], seed: ['#fef3e2', '#c2410c'],
    snapshot: ['#f3e8ff', '#7e22ce'], analysis: ['#f1f5f9', '#475569'], test: ['#f1f5f9', '#475569']
  };
  var STATUS = { error: '#dc2626', fail: '#dc2626', warn: '#d97706', skipped: '#94a3b8' };
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  // onOpen(i): a node's page. onFocus(i): its neighbourhood (used from the grouped overview).
  function ForgeGraph(canvas, data, onOpen, onFocus) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.data = data;
    this.onOpen = onOpen;
    this.onFocus = onFocus || onOpen;
    this.children = data.nodes.map(function () { return []; });
    var self = this;
    data.nodes.forEach(function (n, i) { (n.deps || []).forEach(function (p) { self.children[p].push(i); }); });
    this.scale = 1; this.tx = 0; this.ty = 0;
    this.hover = -1; this.selected = -1;
    this.frames = 0;
    this.bind();
  }

  ForgeGraph.prototype.show = function (indices) {
    var nodes = this.data.nodes, pos, edges = [];
    this.grouped = indices.length > GROUP_ABOVE ? window.ForgeGroups.layout(nodes, indices) : null;
    if (this.grouped) {
      pos = this.grouped.pos;
      this.width = this.grouped.width; this.height = this.grouped.height;
    } else {
      pos = this.layered(indices);
    }
    indices.forEach(function (i) { (nodes[i].deps || []).forEach(function (p) { if (pos.has(p)) edges.push([p, i]); }); });
    this.visible = indices;
    this.pos = pos;
    this.edges = edges;
    this.canvas.setAttribute('data-node-count', String(indices.length));
    this.canvas.setAttribute('data-edge-count', String(edges.length));
    this.canvas.setAttribute('data-mode', this.grouped ? 'groups' : 'layers');
    this.fit();
  };

  // Layers keep their left-to-right order, empty layers close up; every column sits on one row
  // grid so the gaps between rows line up across columns and long edges can run along them.
  ForgeGraph.prototype.layered = function (indices) {
    var nodes = this.data.nodes, byLayer = new Map();
    indices.forEach(function (i) {
      var l = nodes[i].L;
      if (!byLayer.has(l)) byLayer.set(l, []);
      byLayer.get(l).push(i);
    });
    var layers = Array.from(byLayer.keys()).sort(function (a, b) { return a - b; });
    var pos = new Map(), maxRows = 0;
    layers.forEach(function (l) { maxRows = Math.max(maxRows, byLayer.get(l).length); });
    layers.forEach(function (l, col) {
      var members = byLayer.get(l).sort(function (a, b) { return nodes[a].R - nodes[b].R; });
      var offset = Math.floor((maxRows - members.length) / 2) * ROW_GAP;
      members.forEach(function (i, row) { pos.set(i, { x: col * COL_GAP, y: offset + row * ROW_GAP }); });
    });
    this.width = Math.max(1, layers.length) * COL_GAP - COL_GAP + NODE_W;
    this.height = Math.max(1, maxRows) * ROW_GAP - ROW_GAP + NODE_H;
    return pos;
  };

  ForgeGraph.prototype.fit = function () {
    this.fitBox(0, 0, this.width, this.height, 1.2);
    this.fitScale = this.scale;
  };

  ForgeGraph.prototype.fitBox = function (x, y, width, height, most) {
    var rect = this.canvas.getBoundingClientRect();
    var w = rect.width || 800, h = rect.height || 600;
    var s = Math.min(w / (width + 40), h / (height + 40), most);
    this.scale = Math.max(s, 0.002);
    this.tx = (w - width * this.scale) / 2 - x * this.scale;
    this.ty = (h - height * this.scale) / 2 - y * this.scale;
    this.draw();
  };

  ForgeGraph.prototype.resize = function () {
    var rect = this.canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(rect.width * dpr)), h = Math.max(1, Math.round(rect.height * dpr));
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    this.dpr = dpr;
  };

  ForgeGraph.prototype.draw = function () {
    var self = this;
    if (this.frame) return;
    this.frame = requestAnimationFrame(function () { self.frame = 0; self.paint(); });
  };

  // Which level of detail the current zoom shows: groups, nodes (boxes only) or labels.
  ForgeGraph.prototype.lod = function () {
    if (!this.grouped) return 'labels';
    return this.scale < LOD_NODES ? 'groups' : this.scale < LOD_LABELS ? 'nodes' : 'labels';
  };

  ForgeGraph.prototype.paint = function () {
    this.resize();
    this.frames++;
    var ctx = this.ctx, s = this.scale;
    var w = this.canvas.width / this.dpr, h = this.canvas.height / this.dpr;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.translate(this.tx, this.ty);
    ctx.scale(s, s);
    // The visible world rectangle, for culling.
    this.view = { x0: -this.tx / s - NODE_W, y0: -this.ty / s - NODE_H, x1: (w - this.tx) / s + NODE_W, y1: (h - this.ty) / s + NODE_H };
    var focus = this.hover >= 0 ? this.hover : this.selected, near = null;
    if (focus >= 0 && this.pos.has(focus)) {
      near = new Set([focus]);
      (this.data.nodes[focus].deps || []).forEach(function (p) { near.add(p); });
      this.children[focus].forEach(function (c) { near.add(c); });
    } else focus = -1;
    if (this.grouped) this.paintGroups(ctx, s, focus, near);
    else {
      this.paintEdges(ctx, s, focus, false);
      this.paintNodes(ctx, s, near, true);
    }
    ctx.globalAlpha = 1;
  };

  ForgeGraph.prototype.paintGroups = function (ctx, s, focus, near) {
    var lod = this.lod();
    if (lod === 'labels') {
      this.paintBoxes(ctx, s);
      // No dimming here: translucent boxes over the whole screen halve the frame rate; the lit edges show the neighbourhood.
      this.paintNodes(ctx, s, null, true);
      this.paintEdges(ctx, s, focus, true);
    } else {
      // Boxes and bundled edges do not change while panning and zooming: drawn once into a
      // bitmap, which is then only scaled (2,000+ bundles stroked every frame took 50 ms).
      var image = this.overviewImage();
      ctx.drawImage(image.canvas, 0, 0, image.canvas.width / image.k, image.canvas.height / image.k);
      if (lod === 'nodes') this.paintNodes(ctx, s, null, false);
      if (focus >= 0) this.paintEdges(ctx, s, focus, true, true);
    }
    this.paintGroupLabels(ctx, s, lod);
  };

  ForgeGraph.prototype.paintBoxes = function (ctx, s) {
    var g = this.grouped, v = this.view;
    ctx.lineWidth = 1.5 / s;
    ctx.fillStyle = '#f4f6fa';
    ctx.strokeStyle = '#94a3b8';
    for (var k = 0; k < g.groups.length; k++) {
      var b = g.groups[k];
      if (b.x > v.x1 || b.x + b.w < v.x0 || b.y > v.y1 || b.y + b.h < v.y0) continue;
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.strokeRect(b.x, b.y, b.w, b.h);
    }
  };

  ForgeGraph.prototype.overviewImage = function () {
    var g = this.grouped;
    if (this.cache && this.cache.grouped === g) return this.cache;
    var k = Math.min(LOD_LABELS / 2, 4096 / g.width, 4096 / g.height), canvas = document.createElement('canvas');
    canvas.width = Math.ceil(g.width * k) + 2;
    canvas.height = Math.ceil(g.height * k) + 2;
    var ctx = canvas.getContext('2d'), view = this.view;
    ctx.scale(k, k);
    this.view = { x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9 };
    // Line widths as they should look at the first view (the fitted scale).
    var s = Math.max(this.fitScale || k, 0.002);
    this.paintBoxes(ctx, s);
    this.paintBundles(ctx, s);
    this.view = view;
    this.cache = { grouped: g, canvas: canvas, k: k };
    return this.cache;
  };

  // Group names and counts at a fixed size on screen, clipped to the box.
  ForgeGraph.prototype.paintGroupLabels = function (ctx, s, lod) {
    var g = this.grouped, v = this.view, size = 13 / s;
    ctx.font = '600 ' + size + 'px ' + FONT;
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#1f2933';
    for (var k = 0; k < g.groups.length; k++) {
      var b = g.groups[k];
      if (b.x > v.x1 || b.x + b.w < v.x0 || b.y > v.y1 || b.y + b.h < v.y0) continue;
      if (b.h * s < 12) continue;
      var label = b.label + ' · ' + b.members.length;
      ctx.fillText(clipWidth(ctx, label, b.w - 8 / s), b.x + 5 / s, b.y + 4 / s);
    }
  };

  // One edge per pair of groups, as thick as the log of the edges it stands for. Opaque strokes
  // of at most a few pixels: wide translucent curves across the screen are what made software
  // rasterisation slow at 10,000 nodes.
  ForgeGraph.prototype.paintBundles = function (ctx, s) {
    var g = this.grouped, v = this.view, groups = g.groups, head = 8 / s;
    ctx.strokeStyle = ctx.fillStyle = '#94a3b8';
    for (var e = 0; e < g.groupEdges.length; e++) {
      var a = groups[g.groupEdges[e][0]], b = groups[g.groupEdges[e][1]], count = g.groupEdges[e][2];
      var ax = a.x + a.w, ay = a.y + a.h / 2, bx = b.x, by = b.y + b.h / 2;
      if (Math.max(ax, bx) < v.x0 || Math.min(ax, bx) > v.x1 || Math.max(ay, by) < v.y0 || Math.min(ay, by) > v.y1) continue;
      ctx.lineWidth = Math.min(3, 0.75 + 0.35 * Math.log2(count)) / s;
      var reach = Math.max(80, Math.abs(bx - ax) / 2);
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      ctx.bezierCurveTo(ax + reach, ay, bx - head - reach, by, bx - head, by);
      ctx.stroke();
      arrow(ctx, bx, by, head);
    }
  };

  ForgeGraph.prototype.paintNodes = function (ctx, s, near, labels) {
    var nodes = this.data.nodes, pos = this.pos, v = this.view;
    ctx.font = '500 12.5px ' + FONT;
    ctx.textBaseline = 'middle';
    for (var k = 0; k < this.visible.length; k++) {
      var i = this.visible[k], p = pos.get(i);
      if (p.x > v.x1 || p.x + NODE_W < v.x0 || p.y > v.y1 || p.y + NODE_H < v.y0) continue;
      var n = nodes[i], col = COLORS[n.type] || COLORS.model, dim = near && !near.has(i);
      ctx.globalAlpha = dim ? 0.35 : 1;
      if (labels) {
        ctx.fillStyle = col[0];
        ctx.strokeStyle = n.run && STATUS[n.run.status] ? STATUS[n.run.status] : col[1];
        ctx.lineWidth = (i === this.selected || i === this.hover ? 2.5 : 1.2) / Math.max(s, 0.5);
        roundRect(ctx, p.x, p.y, NODE_W, NODE_H, 6);
        ctx.fill(); ctx.stroke();
        ctx.fillStyle = col[1];
        ctx.fillRect(p.x, p.y + 5, 3, NODE_H - 10);
        ctx.fillStyle = '#1f2933';
        ctx.fillText(clip(ctx, n.name, NODE_W - 18), p.x + 10, p.y + NODE_H / 2 + 0.5);
      } else {
        ctx.fillStyle = n.run && STATUS[n.run.status] ? STATUS[n.run.status] : col[1];
        ctx.fillRect(p.x, p.y, NODE_W, NODE_H);
      }
    }
    ctx.globalAlpha = 1;
  };

  // Node edges with arrowheads. In the layered layout they run through the gap after the parent's
  // column, along the gap between two rows, and into the child, so they never cross a node. In the
  // grouped layout they are drawn over the nodes (onlyFocus: only the focused node's).
  ForgeGraph.prototype.paintEdges = function (ctx, s, focus, over, onlyFocus) {
    var pos = this.pos, v = this.view, head = Math.max(7, 4 / s);
    ctx.lineWidth = 1.2 / Math.max(s, 0.5);
    for (var pass = 0; pass < 2; pass++) {
      // Lit edges last, so they are on top.
      for (var e = 0; e < this.edges.length; e++) {
        var from = this.edges[e][0], to = this.edges[e][1], lit = focus >= 0 && (from === focus || to === focus);
        if (lit !== (pass === 1) || (onlyFocus && !lit)) continue;
        var a = pos.get(from), b = pos.get(to);
        var ax = a.x + NODE_W, ay = a.y + NODE_H / 2, bx = b.x, by = b.y + NODE_H / 2;
        if (Math.max(ax, bx) < v.x0 || Math.min(ax, bx) > v.x1 || Math.max(ay, by) < v.y0 || Math.min(ay, by) > v.y1) continue;
        // In the overview an edge leaving the screen is left to the groups' bundles, except the focused node's.
        if (over && !lit && (ax < v.x0 || ax > v.x1 || ay < v.y0 || ay > v.y1 || bx < v.x0 || bx > v.x1 || by < v.y0 || by > v.y1)) continue;
        ctx.strokeStyle = ctx.fillStyle = lit ? '#2563eb' : (focus >= 0 ? 'rgba(148,163,184,0.3)' : (over ? '#64748b' : 'rgba(100,116,139,0.7)'));
        var route = this.route(from, to, head, over);
        ctx.beginPath();
        ctx.moveTo(ax, ay);
        for (var r = 0; r < route.length; r++) ctx.bezierCurveTo(route[r][2], route[r][3], route[r][4], route[r][5], route[r][6], route[r][7]);
        ctx.stroke();
        arrow(ctx, bx, by, head);
      }
    }
  };

  // An edge's path as cubic segments [x0, y0, c1x, c1y, c2x, c2y, x1, y1] (straight runs as flat
  // cubics), ending where the arrowhead starts.
  ForgeGraph.prototype.route = function (from, to, head, over) {
    var a = this.pos.get(from), b = this.pos.get(to), gap = COL_GAP - NODE_W, channel = (ROW_GAP - NODE_H) / 2;
    var ax = a.x + NODE_W, ay = a.y + NODE_H / 2, bx = b.x, by = b.y + NODE_H / 2;
    if (!over && bx - ax > gap + 1) {
      var y = Math.round((by + channel) / ROW_GAP) * ROW_GAP - channel, x0 = ax + gap, x1 = bx - gap;
      return [[ax, ay, ax + gap / 2, ay, ax + gap / 2, y, x0, y], [x0, y, x0, y, x1, y, x1, y], [x1, y, bx - gap / 2, y, bx - gap / 2, by, bx - head, by]];
    }
    var mid = Math.max(30, (bx - ax) / 2);
    return [[ax, ay, ax + mid, ay, bx - head - mid, by, bx - head, by]];
  };

  function arrow(ctx, x, y, size) {
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x - size, y - size * 0.55);
    ctx.lineTo(x - size, y + size * 0.55);
    ctx.closePath();
    ctx.fill();
  }

  function roundRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    ctx.moveTo(x + r, y); ctx.lineTo(x + w - r, y); ctx.quadraticCurveTo(x + w, y, x + w, y + r);
    ctx.lineTo(x + w, y + h - r); ctx.quadraticCurveTo(x + w, y + h, x + w - r, y + h);
    ctx.lineTo(x + r, y + h); ctx.quadraticCurveTo(x, y + h, x, y + h - r);
    ctx.lineTo(x, y + r); ctx.quadraticCurveTo(x, y, x + r, y);
    ctx.closePath();
  }

  var clipCache = new Map();
  function clip(ctx, text, width) {
    var cached = clipCache.get(text);
    if (cached !== undefined) return cached;
    var out = clipWidth(ctx, text, width);
    clipCache.set(text, out);
    return out;
  }

  function clipWidth(ctx, text, width) {
    if (ctx.measureText(text).width <= width) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (ctx.measureText(text.slice(0, mid) + '…').width <= width) lo = mid; else hi = mid - 1; }
    return text.slice(0, lo) + '…';
  }

  ForgeGraph.prototype.world = function (clientX, clientY) {
    var rect = this.canvas.getBoundingClientRect();
    return { x: (clientX - rect.left - this.tx) / this.scale, y: (clientY - rect.top - this.ty) / this.scale };
  };

  ForgeGraph.prototype.hit = function (clientX, clientY) {
    if (this.lod() === 'groups') return -1;
    var at = this.world(clientX, clientY);
    for (var k = 0; k < this.visible.length; k++) {
      var i = this.visible[k], p = this.pos.get(i);
      if (at.x >= p.x && at.x <= p.x + NODE_W && at.y >= p.y && at.y <= p.y + NODE_H) return i;
    }
    return -1;
  };

  ForgeGraph.prototype.hitGroup = function (clientX, clientY) {
    if (!this.grouped) return -1;
    var at = this.world(clientX, clientY), groups = this.grouped.groups;
    for (var k = 0; k < groups.length; k++) {
      var b = groups[k];
      if (at.x >= b.x && at.x <= b.x + b.w && at.y >= b.y && at.y <= b.y + b.h) return k;
    }
    return -1;
  };

  // Zooms so the group fills the view, far enough in to show its nodes.
  ForgeGraph.prototype.openGroup = function (k) {
    var b = this.grouped.groups[k];
    this.fitBox(b.x, b.y, b.w, b.h, 1.2);
    if (this.scale < LOD_NODES) this.zoom(LOD_NODES * 1.05 / this.scale);
  };

  // Where a node's centre is on screen (client coordinates), for tests and for "reveal".
  ForgeGraph.prototype.screenPosition = function (i) {
    var p = this.pos.get(i);
    if (!p) return null;
    var rect = this.canvas.getBoundingClientRect();
    return { x: rect.left + this.tx + (p.x + NODE_W / 2) * this.scale, y: rect.top + this.ty + (p.y + NODE_H / 2) * this.scale };
  };

  ForgeGraph.prototype.bind = function () {
    var self = this, c = this.canvas, drag = null;
    c.addEventListener('mousedown', function (e) { drag = { x: e.clientX, y: e.clientY, tx: self.tx, ty: self.ty, moved: false }; });
    window.addEventListener('mouseup', function (e) {
      if (drag && !drag.moved && e.target === c) {
        var i = self.hit(e.clientX, e.clientY);
        if (i >= 0) {
          self.selected = i;
          // In the overview a click shows the node's neighbourhood; in a layered view it opens the page.
          if (self.grouped) self.onFocus(i); else self.onOpen(i);
        } else {
          var g = self.hitGroup(e.clientX, e.clientY);
          if (g >= 0 && self.lod() === 'groups') self.openGroup(g);
        }
      }
      drag = null;
    });
    c.addEventListener('mousemove', function (e) {
      if (drag) {
        var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        self.tx = drag.tx + dx; self.ty = drag.ty + dy; self.draw();
        return;
      }
      var i = self.hit(e.clientX, e.clientY), g = i < 0 && self.lod() === 'groups' ? self.hitGroup(e.clientX, e.clientY) : -1;
      if (i !== self.hover) { self.hover = i; self.draw(); }
      c.style.cursor = i >= 0 || g >= 0 ? 'pointer' : 'grab';
      c.title = i >= 0 ? self.data.nodes[i].id : g >= 0 ? self.grouped.groups[g].name + ': ' + self.grouped.groups[g].members.length + ' nodes, click to zoom in' : '';
    });
    c.addEventListener('mouseleave', function () { if (self.hover >= 0) { self.hover = -1; self.draw(); } });
    c.addEventListener('wheel', function (e) {
      e.preventDefault();
      var rect = c.getBoundingClientRect();
      self.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
    }, { passive: false });
    window.addEventListener('resize', function () { self.draw(); });
  };

  ForgeGraph.prototype.zoomAt = function (factor, mx, my) {
    var s = Math.min(4, Math.max(0.002, this.scale * factor));
    this.tx = mx - (mx - this.tx) * (s / this.scale);
    this.ty = my - (my - this.ty) * (s / this.scale);
    this.scale = s;
    this.draw();
  };

  ForgeGraph.prototype.zoom = function (factor) {
    var rect = this.canvas.getBoundingClientRect();
    this.zoomAt(factor, rect.width / 2, rect.height / 2);
  };

  ForgeGraph.prototype.pan = function (dx, dy) { this.tx += dx; this.ty += dy; this.draw(); };

  window.ForgeGraph = ForgeGraph;
})();

// For tests and tooling: what the graph shows, by unique id.
window.ForgeGraph.prototype.nodeIds = function () {
  var nodes = this.data.nodes;
  return this.visible.map(function (i) { return nodes[i].id; });
};
window.ForgeGraph.prototype.edgeIds = function () {
  var nodes = this.data.nodes;
  return this.edges.map(function (e) { return [nodes[e[0]].id, nodes[e[1]].id]; });
};
window.ForgeGraph.prototype.positionOf = function (id) {
  var i = window.ForgeApp.indexOf(id);
  return i === undefined ? null : this.screenPosition(i);
};
// The overview's groups as drawn: name, node count and on-screen box; empty in a layered view.
window.ForgeGraph.prototype.groupSummary = function () {
  if (!this.grouped) return [];
  var rect = this.canvas.getBoundingClientRect(), self = this;
  return this.grouped.groups.map(function (b) {
    return { name: b.name, count: b.members.length, x: rect.left + self.tx + b.x * self.scale, y: rect.top + self.ty + b.y * self.scale, w: b.w * self.scale, h: b.h * self.scale };
  });
};
window.ForgeGraph.prototype.bundleCount = function () { return this.grouped ? this.grouped.groupEdges.length : 0; };
// For tests: every edge as points along its drawn path (world coordinates, arrowhead tip last), and the node boxes.
window.ForgeGraph.prototype.edgePaths = function () {
  var self = this, over = !!this.grouped;
  return this.edges.map(function (e) {
    var points = [];
    self.route(e[0], e[1], 7, over).forEach(function (c) {
      for (var k = 0; k <= 16; k++) {
        var t = k / 16, u = 1 - t;
        points.push([u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6], u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7]]);
      }
    });
    var b = self.pos.get(e[1]);
    points.push([b.x, b.y + 15]);
    return { from: self.data.nodes[e[0]].id, to: self.data.nodes[e[1]].id, points: points };
  });
};
window.ForgeGraph.prototype.nodeBoxes = function () {
  var self = this;
  return this.visible.map(function (i) { var p = self.pos.get(i); return { id: self.data.nodes[i].id, x: p.x, y: p.y, w: 190, h: 30 }; });
};
