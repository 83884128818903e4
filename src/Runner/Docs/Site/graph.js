// The lineage graph: a canvas with the layered layout computed by `forge docs generate`
// (node.L = layer, node.R = order in layer). Only what is on screen is drawn, so 5,000 nodes pan
// and zoom smoothly. Filtering re-packs the shown nodes, keeping their layers and order.
(function () {
  'use strict';
  var NODE_W = 190, NODE_H = 30, COL_GAP = 250, ROW_GAP = 42;
  var COLORS = {
    model: ['#e8f0fe', '#2563eb'], source: ['#e7f6ec', '#15803d'], seed: ['#fef3e2', '#c2410c'],
    snapshot: ['#f3e8ff', '#7e22ce'], analysis: ['#f1f5f9', '#475569'], test: ['#f1f5f9', '#475569']
  };
  var STATUS = { error: '#dc2626', fail: '#dc2626', warn: '#d97706', skipped: '#94a3b8' };

  function ForgeGraph(canvas, data, onOpen) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.data = data;
    this.onOpen = onOpen;
    this.all = [];
    this.children = [];
    var self = this;
    data.nodes.forEach(function (n, i) { self.children.push([]); if (n.L !== undefined) self.all.push(i); });
    data.nodes.forEach(function (n, i) { (n.deps || []).forEach(function (p) { self.children[p].push(i); }); });
    this.scale = 1; this.tx = 0; this.ty = 0;
    this.hover = -1; this.selected = -1;
    this.show(this.all);
    this.bind();
  }

  // Shows a subset of nodes: layers keep their left-to-right order, empty layers close up.
  ForgeGraph.prototype.show = function (indices) {
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
      var offset = (maxRows - members.length) * ROW_GAP / 2;
      members.forEach(function (i, row) { pos.set(i, { x: col * COL_GAP, y: offset + row * ROW_GAP }); });
    });
    var edges = [];
    indices.forEach(function (i) { (nodes[i].deps || []).forEach(function (p) { if (pos.has(p)) edges.push([p, i]); }); });
    this.visible = indices;
    this.pos = pos;
    this.edges = edges;
    this.width = Math.max(1, layers.length) * COL_GAP;
    this.height = Math.max(1, maxRows) * ROW_GAP;
    this.canvas.setAttribute('data-node-count', String(indices.length));
    this.canvas.setAttribute('data-edge-count', String(edges.length));
    this.fit();
  };

  ForgeGraph.prototype.fit = function () {
    var rect = this.canvas.getBoundingClientRect();
    var w = rect.width || 800, h = rect.height || 600;
    var s = Math.min(w / (this.width + 40), h / (this.height + 40), 1.2);
    this.scale = Math.max(s, 0.02);
    this.tx = (w - (this.width - COL_GAP + NODE_W) * this.scale) / 2;
    this.ty = (h - (this.height - ROW_GAP + NODE_H) * this.scale) / 2;
    this.draw();
  };

  ForgeGraph.prototype.resize = function () {
    var rect = this.canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(rect.width * dpr));
    this.canvas.height = Math.max(1, Math.round(rect.height * dpr));
    this.dpr = dpr;
  };

  ForgeGraph.prototype.draw = function () {
    var self = this;
    if (this.frame) return;
    this.frame = requestAnimationFrame(function () { self.frame = 0; self.paint(); });
  };

  ForgeGraph.prototype.paint = function () {
    this.resize();
    var ctx = this.ctx, nodes = this.data.nodes, pos = this.pos, s = this.scale;
    var w = this.canvas.width / this.dpr, h = this.canvas.height / this.dpr;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.translate(this.tx, this.ty);
    ctx.scale(s, s);
    // The visible world rectangle, for culling.
    var x0 = -this.tx / s - NODE_W, y0 = -this.ty / s - NODE_H, x1 = (w - this.tx) / s + NODE_W, y1 = (h - this.ty) / s + NODE_H;
    var focus = this.hover >= 0 ? this.hover : this.selected, near = null;
    if (focus >= 0) {
      near = new Set([focus]);
      (nodes[focus].deps || []).forEach(function (p) { near.add(p); });
      this.children[focus].forEach(function (c) { near.add(c); });
    }
    ctx.lineWidth = 1.2 / Math.max(s, 0.5);
    for (var e = 0; e < this.edges.length; e++) {
      var a = pos.get(this.edges[e][0]), b = pos.get(this.edges[e][1]);
      var ax = a.x + NODE_W, ay = a.y + NODE_H / 2, bx = b.x, by = b.y + NODE_H / 2;
      if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
      var lit = focus >= 0 && (this.edges[e][0] === focus || this.edges[e][1] === focus);
      ctx.strokeStyle = lit ? '#2563eb' : (focus >= 0 ? 'rgba(148,163,184,0.25)' : 'rgba(100,116,139,0.55)');
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      var mid = (bx - ax) / 2;
      ctx.bezierCurveTo(ax + mid, ay, bx - mid, by, bx, by);
      ctx.stroke();
    }
    var labels = s > 0.38;
    ctx.font = '500 12.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.textBaseline = 'middle';
    for (var k = 0; k < this.visible.length; k++) {
      var i = this.visible[k], p = pos.get(i);
      if (p.x > x1 || p.x + NODE_W < x0 || p.y > y1 || p.y + NODE_H < y0) continue;
      var n = nodes[i], col = COLORS[n.type] || COLORS.model, dim = near && !near.has(i);
      ctx.globalAlpha = dim ? 0.35 : 1;
      ctx.fillStyle = col[0];
      ctx.strokeStyle = n.run && STATUS[n.run.status] ? STATUS[n.run.status] : col[1];
      ctx.lineWidth = (i === this.selected || i === this.hover ? 2.5 : 1.2) / Math.max(s, 0.5);
      if (labels) {
        roundRect(ctx, p.x, p.y, NODE_W, NODE_H, 6);
        ctx.fill(); ctx.stroke();
        ctx.fillStyle = col[1];
        ctx.fillRect(p.x, p.y + 5, 3, NODE_H - 10);
        ctx.fillStyle = '#1f2933';
        ctx.fillText(clip(ctx, n.name, NODE_W - 18), p.x + 10, p.y + NODE_H / 2 + 0.5);
      } else {
        ctx.fillStyle = col[1];
        ctx.fillRect(p.x, p.y, NODE_W, NODE_H);
      }
    }
    ctx.globalAlpha = 1;
  };

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
    var out = text;
    if (ctx.measureText(text).width > width) {
      var lo = 0, hi = text.length;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (ctx.measureText(text.slice(0, mid) + '…').width <= width) lo = mid; else hi = mid - 1; }
      out = text.slice(0, lo) + '…';
    }
    clipCache.set(text, out);
    return out;
  }

  ForgeGraph.prototype.hit = function (clientX, clientY) {
    var rect = this.canvas.getBoundingClientRect();
    var x = (clientX - rect.left - this.tx) / this.scale, y = (clientY - rect.top - this.ty) / this.scale;
    for (var k = 0; k < this.visible.length; k++) {
      var i = this.visible[k], p = this.pos.get(i);
      if (x >= p.x && x <= p.x + NODE_W && y >= p.y && y <= p.y + NODE_H) return i;
    }
    return -1;
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
        if (i >= 0) { self.selected = i; self.onOpen(i); }
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
      var i = self.hit(e.clientX, e.clientY);
      if (i !== self.hover) { self.hover = i; c.style.cursor = i >= 0 ? 'pointer' : 'grab'; c.title = i >= 0 ? self.data.nodes[i].id : ''; self.draw(); }
    });
    c.addEventListener('mouseleave', function () { if (self.hover >= 0) { self.hover = -1; self.draw(); } });
    c.addEventListener('wheel', function (e) {
      e.preventDefault();
      var rect = c.getBoundingClientRect(), mx = e.clientX - rect.left, my = e.clientY - rect.top;
      var factor = Math.exp(-e.deltaY * 0.0015), s = Math.min(4, Math.max(0.02, self.scale * factor));
      self.tx = mx - (mx - self.tx) * (s / self.scale);
      self.ty = my - (my - self.ty) * (s / self.scale);
      self.scale = s;
      self.draw();
    }, { passive: false });
    window.addEventListener('resize', function () { self.draw(); });
  };

  ForgeGraph.prototype.zoom = function (factor) {
    var rect = this.canvas.getBoundingClientRect(), mx = rect.width / 2, my = rect.height / 2;
    var s = Math.min(4, Math.max(0.02, this.scale * factor));
    this.tx = mx - (mx - this.tx) * (s / this.scale); this.ty = my - (my - this.ty) * (s / this.scale);
    this.scale = s; this.draw();
  };

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
