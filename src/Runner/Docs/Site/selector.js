// A subset of dbt's node selection syntax for the graph: terms separated by spaces are a union,
// terms joined by commas an intersection. A term is [N]+? method:value? +[N]? with methods
// name (default, `*` wildcards), tag, path, folder, type / resource_type, source, package.
(function () {
  'use strict';

  function glob(pattern) {
    var parts = pattern.toLowerCase().split('*');
    return function (text) {
      text = text.toLowerCase();
      if (parts.length === 1) return text === parts[0];
      if (text.lastIndexOf(parts[0], 0) !== 0) return false;
      var at = parts[0].length;
      for (var i = 1; i < parts.length - 1; i++) { var f = text.indexOf(parts[i], at); if (f < 0) return false; at = f + parts[i].length; }
      var last = parts[parts.length - 1];
      return text.length - last.length >= at && text.slice(text.length - last.length) === last;
    };
  }

  function matcher(method, value) {
    var v = value.toLowerCase(), g = glob(value);
    switch (method) {
      case 'tag': return function (n) { return (n.tags || []).some(function (t) { return g(t); }); };
      case 'path': case 'folder': case 'file':
        return function (n) { var p = n.path.toLowerCase(); return p === v || p.lastIndexOf(v.replace(/\/$/, '') + '/', 0) === 0 || n.folder.toLowerCase() === v.replace(/\/$/, '') || g(p); };
      case 'type': case 'resource_type': return function (n) { return n.type === v; };
      case 'source': return function (n) { return n.type === 'source' && (g(n.name.split('.')[0]) || g(n.name)); };
      case 'package': return function (n) { return g(n.id.split('.')[1] || ''); };
      case 'name': case 'fqn': case '':
        return function (n) { return g(n.name) || g(n.id) || (n.type === 'source' && g(n.name.split('.').pop())); };
      default: return null;
    }
  }

  // Parses "2+name+1" into { up, method, value, down }; up/down are -1 for "no limit", 0 for none.
  function parseTerm(term) {
    var up = 0, down = 0, m = /^(\d*)\+/.exec(term);
    if (m) { up = m[1] ? parseInt(m[1], 10) : -1; term = term.slice(m[0].length); }
    m = /\+(\d*)$/.exec(term);
    if (m) { down = m[1] ? parseInt(m[1], 10) : -1; term = term.slice(0, term.length - m[0].length); }
    var colon = term.indexOf(':'), method = colon > 0 ? term.slice(0, colon).toLowerCase() : '';
    return { up: up, down: down, method: method, value: colon > 0 ? term.slice(colon + 1) : term };
  }

  function walk(start, next, depth, into) {
    var frontier = start, level = 0;
    while (frontier.length && (depth < 0 || level < depth)) {
      var following = [];
      for (var i = 0; i < frontier.length; i++) {
        var list = next(frontier[i]);
        for (var j = 0; j < list.length; j++) if (!into.has(list[j])) { into.add(list[j]); following.push(list[j]); }
      }
      frontier = following; level++;
    }
  }

  // Returns { nodes: Set(index) } or { error: message }.
  function select(expression, nodes, parents, children, candidates) {
    var union = new Set(), terms = expression.trim().split(/\s+/).filter(Boolean);
    for (var t = 0; t < terms.length; t++) {
      var parts = terms[t].split(','), inter = null;
      for (var p = 0; p < parts.length; p++) {
        var term = parseTerm(parts[p]), match = matcher(term.method, term.value);
        if (!match) return { error: "unknown selector method '" + term.method + "' (use tag:, path:, folder:, type:, source:, package: or a name)" };
        var hits = [];
        candidates.forEach(function (i) { if (match(nodes[i])) hits.push(i); });
        var set = new Set(hits);
        if (term.up) walk(hits, function (i) { return parents(i); }, term.up, set);
        if (term.down) walk(hits, function (i) { return children(i); }, term.down, set);
        if (inter === null) inter = set;
        else { var kept = new Set(); set.forEach(function (i) { if (inter.has(i)) kept.add(i); }); inter = kept; }
      }
      inter.forEach(function (i) { union.add(i); });
    }
    return { nodes: union };
  }

  window.ForgeSelector = { select: select, walk: walk, parseTerm: parseTerm };
})();
